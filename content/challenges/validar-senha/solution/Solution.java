import java.util.*;

class Solution {
    static List<String> regrasPendentes(String senha) {
        int[] cs = senha.codePoints().toArray();
        List<String> r = new ArrayList<>();
        boolean min = false, mai = false, dig = false, sim = false, esp = false;
        for (int c : cs) {
            if (c >= 'a' && c <= 'z') min = true;
            else if (c >= 'A' && c <= 'Z') mai = true;
            else if (c >= '0' && c <= '9') dig = true;
            else if (Character.isWhitespace(c)) esp = true;
            else sim = true;
        }
        if (cs.length < 8 || cs.length > 64) r.add("tamanho");
        if (!min) r.add("minuscula");
        if (!mai) r.add("maiuscula");
        if (!dig) r.add("digito");
        if (!sim) r.add("simbolo");
        if (esp) r.add("espaco");
        return r;
    }
}
