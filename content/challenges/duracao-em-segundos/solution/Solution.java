import java.util.regex.*;

class Solution {
    static final Pattern PADRAO = Pattern.compile("(?:(\\d{1,6})d)?(?:(\\d{1,6})h)?(?:(\\d{1,6})m)?(?:(\\d{1,6})s)?");

    static long duracaoEmSegundos(String texto) {
        Matcher m = PADRAO.matcher(texto);
        if (texto.isEmpty() || !m.matches()) return -1;
        long[] pesos = {86400, 3600, 60, 1};
        long total = 0;
        for (int i = 0; i < 4; i++) {
            if (m.group(i + 1) != null) total += Long.parseLong(m.group(i + 1)) * pesos[i];
        }
        return total;
    }
}
