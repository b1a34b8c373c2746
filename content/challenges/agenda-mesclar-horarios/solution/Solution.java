import java.util.*;

class Solution {
    static List<List<Long>> mesclarHorarios(List<List<Long>> horarios) {
        List<List<Long>> ordenados = new ArrayList<>(horarios);
        ordenados.sort(Comparator.comparing((List<Long> h) -> h.get(0)).thenComparing(h -> h.get(1)));
        List<List<Long>> r = new ArrayList<>();
        for (List<Long> h : ordenados) {
            if (!r.isEmpty() && h.get(0) <= r.get(r.size() - 1).get(1)) {
                List<Long> ultimo = r.get(r.size() - 1);
                ultimo.set(1, Math.max(ultimo.get(1), h.get(1)));
            } else {
                r.add(new ArrayList<>(h));
            }
        }
        return r;
    }
}
