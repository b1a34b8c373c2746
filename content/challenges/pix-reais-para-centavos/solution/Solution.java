import java.util.regex.*;

class Solution {
    static final Pattern PADRAO = Pattern.compile("^(?:R\\$ ?)?(\\d{1,3}(?:\\.\\d{3})+|\\d+)(?:,(\\d{1,2}))?$");

    static long reaisParaCentavos(String valor) {
        Matcher m = PADRAO.matcher(valor.strip());
        if (!m.matches()) return -1;
        long reais = Long.parseLong(m.group(1).replace(".", ""));
        String c = m.group(2) == null ? "00" : (m.group(2) + "0").substring(0, 2);
        long total = reais * 100 + Long.parseLong(c);
        return total > 0 ? total : -1;
    }
}
