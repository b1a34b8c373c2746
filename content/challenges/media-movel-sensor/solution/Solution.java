import java.util.*;

class Solution {
    static List<Double> mediaMovel(List<Double> leituras, long janela) {
        List<Double> r = new ArrayList<>();
        if (janela < 1 || janela > leituras.size()) return r;
        int k = (int) janela;
        double soma = 0;
        for (int i = 0; i < k; i++) soma += leituras.get(i);
        r.add(soma / k);
        for (int i = k; i < leituras.size(); i++) {
            soma += leituras.get(i) - leituras.get(i - k);
            r.add(soma / k);
        }
        return r;
    }
}
