import java.util.*;

class Solution {
    static List<String> topIps(List<String> linhas, long n) {
        if (n <= 0) return new ArrayList<>();
        Map<String, Integer> contagem = new HashMap<>();
        for (String l : linhas) {
            if (l.isBlank()) continue;
            contagem.merge(l.strip().split("\\s+")[0], 1, Integer::sum);
        }
        List<String> ips = new ArrayList<>(contagem.keySet());
        ips.sort((a, b) -> contagem.get(b).equals(contagem.get(a)) ? a.compareTo(b) : contagem.get(b) - contagem.get(a));
        return ips.subList(0, (int) Math.min(n, ips.size()));
    }
}
