import java.util.*;

class Solution {
    static List<Long> indicesAnomalos(List<Double> valores, double limite) {
        List<Long> r = new ArrayList<>();
        int n = valores.size();
        if (n < 2) return r;
        double media = 0;
        for (double x : valores) media += x;
        media /= n;
        double soma = 0;
        for (double x : valores) soma += (x - media) * (x - media);
        double desvio = Math.sqrt(soma / n);
        if (desvio == 0) return r;
        for (int i = 0; i < n; i++) {
            if (Math.abs(valores.get(i) - media) / desvio > limite) r.add((long) i);
        }
        return r;
    }
}
