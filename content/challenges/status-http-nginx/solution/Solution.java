import java.util.*;
import java.util.regex.*;

class Solution {
    static final Pattern PADRAO = Pattern.compile("\"[^\"]*\" (\\d{3}) \\d+");

    static Map<String, Long> contarStatus(List<String> linhas) {
        Map<String, Long> r = new TreeMap<>();
        for (String linha : linhas) {
            if (linha.isBlank()) continue;
            Matcher m = PADRAO.matcher(linha);
            int status = m.find() ? Integer.parseInt(m.group(1)) : 0;
            String chave = status >= 100 && status <= 599 ? (status / 100) + "xx" : "invalidas";
            r.merge(chave, 1L, Long::sum);
        }
        return r;
    }
}
