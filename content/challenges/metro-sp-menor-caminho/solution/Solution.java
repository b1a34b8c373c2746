import java.util.*;

class Solution {
    static long menorCaminho(Map<String, List<String>> linhas, String origem, String destino) {
        Map<String, Set<String>> vizinhos = new HashMap<>();
        for (List<String> estacoes : linhas.values()) {
            for (int i = 0; i < estacoes.size(); i++) {
                vizinhos.computeIfAbsent(estacoes.get(i), k -> new HashSet<>());
                if (i > 0) {
                    vizinhos.get(estacoes.get(i)).add(estacoes.get(i - 1));
                    vizinhos.get(estacoes.get(i - 1)).add(estacoes.get(i));
                }
            }
        }
        if (!vizinhos.containsKey(origem) || !vizinhos.containsKey(destino)) return -1;
        Map<String, Long> dist = new HashMap<>();
        dist.put(origem, 0L);
        ArrayDeque<String> fila = new ArrayDeque<>(List.of(origem));
        while (!fila.isEmpty()) {
            String atual = fila.poll();
            if (atual.equals(destino)) return dist.get(atual);
            for (String v : vizinhos.get(atual)) {
                if (!dist.containsKey(v)) {
                    dist.put(v, dist.get(atual) + 1);
                    fila.add(v);
                }
            }
        }
        return -1;
    }
}
