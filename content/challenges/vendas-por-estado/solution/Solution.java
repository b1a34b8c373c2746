import java.util.*;
import java.util.regex.*;

class Solution {
    static final Set<String> UFS = Set.of("AC AL AP AM BA CE DF ES GO MA MT MS MG PA PB PR PE PI RJ RN RS RO RR SC SP SE TO".split(" "));
    static final Pattern VALOR = Pattern.compile("([0-9]+)(?:,([0-9]{1,2}))?");

    static Map<String, Long> totalPorUf(List<String> linhas) {
        Map<String, Long> r = new HashMap<>();
        for (int i = 1; i < linhas.size(); i++) {
            String linha = linhas.get(i);
            if (linha.isBlank()) continue;
            String[] campos = linha.split(";", -1);
            Matcher m = campos.length == 2 ? VALOR.matcher(campos[1].strip()) : null;
            String uf = campos[0].strip().toUpperCase(Locale.ROOT);
            if (m == null || !m.matches() || !UFS.contains(uf)) {
                r.merge("invalidas", 1L, Long::sum);
                continue;
            }
            String c = m.group(2) == null ? "00" : (m.group(2) + "0").substring(0, 2);
            r.merge(uf, Long.parseLong(m.group(1)) * 100 + Long.parseLong(c), Long::sum);
        }
        return r;
    }
}
