import java.util.*;

class Solution {
    static final Set<String> PARTICULAS = Set.of("da", "de", "di", "do", "das", "dos", "e");

    static String capitalizarNome(String nome) {
        List<String> r = new ArrayList<>();
        for (String p : nome.trim().split(" +")) {
            if (p.isEmpty()) continue;
            String m = p.toLowerCase(Locale.ROOT);
            r.add(!r.isEmpty() && PARTICULAS.contains(m) ? m : m.substring(0, 1).toUpperCase(Locale.ROOT) + m.substring(1));
        }
        return String.join(" ", r);
    }
}
