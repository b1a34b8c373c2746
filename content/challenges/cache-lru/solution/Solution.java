import java.util.*;

class Solution {
    static List<Long> simularCache(long capacidade, List<String> operacoes) {
        LinkedHashMap<String, Long> cache = new LinkedHashMap<>(16, 0.75f, true);
        List<Long> r = new ArrayList<>();
        for (String op : operacoes) {
            String[] p = op.split(":");
            if (p[0].equals("get")) {
                Long v = cache.get(p[1]);
                r.add(v == null ? -1L : v);
            } else if (capacidade >= 1) {
                cache.put(p[1], Long.parseLong(p[2]));
                if (cache.size() > capacidade) cache.remove(cache.keySet().iterator().next());
            }
        }
        return r;
    }
}
