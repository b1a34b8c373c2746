import java.util.*;

class Solution {
    static long menorCusto(long n, List<List<Long>> trechos, long origem, long destino) {
        if (origem < 0 || origem >= n || destino < 0 || destino >= n) return -1;
        int total = (int) n;
        List<List<long[]>> adj = new ArrayList<>();
        for (int i = 0; i < total; i++) adj.add(new ArrayList<>());
        for (List<Long> t : trechos) {
            adj.get(t.get(0).intValue()).add(new long[] {t.get(1), t.get(2)});
            adj.get(t.get(1).intValue()).add(new long[] {t.get(0), t.get(2)});
        }
        long[] dist = new long[total];
        Arrays.fill(dist, Long.MAX_VALUE);
        PriorityQueue<long[]> fila = new PriorityQueue<>(Comparator.comparingLong(x -> x[0]));
        fila.add(new long[] {0, origem});
        while (!fila.isEmpty()) {
            long[] topo = fila.poll();
            int u = (int) topo[1];
            if (topo[0] >= dist[u]) continue;
            dist[u] = topo[0];
            if (u == destino) return topo[0];
            for (long[] e : adj.get(u)) {
                if (topo[0] + e[1] < dist[(int) e[0]]) fila.add(new long[] {topo[0] + e[1], e[0]});
            }
        }
        return -1;
    }
}
