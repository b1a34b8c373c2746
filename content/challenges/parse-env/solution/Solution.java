import java.util.*;

class Solution {
    static Map<String, String> lerEnv(String conteudo) {
        Map<String, String> r = new LinkedHashMap<>();
        for (String bruta : conteudo.split("\n")) {
            String linha = bruta.strip();
            if (linha.isEmpty() || linha.startsWith("#")) continue;
            if (linha.startsWith("export ")) linha = linha.substring(7);
            int i = linha.indexOf('=');
            if (i < 0) continue;
            String chave = linha.substring(0, i).strip();
            String valor = linha.substring(i + 1).strip();
            if (!chave.matches("[A-Za-z_][A-Za-z0-9_]*")) continue;
            if (valor.length() >= 2 && valor.charAt(0) == valor.charAt(valor.length() - 1)
                    && (valor.charAt(0) == '"' || valor.charAt(0) == '\'')) {
                valor = valor.substring(1, valor.length() - 1);
            } else {
                int c = valor.indexOf(" #");
                if (c >= 0) valor = valor.substring(0, c).strip();
            }
            r.put(chave, valor);
        }
        return r;
    }
}
