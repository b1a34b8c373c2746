import java.util.*;
import java.util.regex.*;

class Solution {
    static final Pattern ACAO = Pattern.compile("(add|remove):([A-Za-z0-9-]+):([1-9][0-9]?)");

    static Map<String, Long> aplicarAcoes(List<String> acoes) {
        Map<String, Long> carrinho = new LinkedHashMap<>();
        for (String acao : acoes) {
            if (acao.equals("clear")) { carrinho.clear(); continue; }
            Matcher m = ACAO.matcher(acao);
            if (!m.matches()) continue;
            String sku = m.group(2);
            long qtd = Long.parseLong(m.group(3));
            if (m.group(1).equals("add")) carrinho.merge(sku, qtd, Long::sum);
            else if (carrinho.containsKey(sku)) {
                long resto = carrinho.get(sku) - qtd;
                if (resto <= 0) carrinho.remove(sku); else carrinho.put(sku, resto);
            }
        }
        return carrinho;
    }
}
