import java.util.*;

class Solution {
    static List<Long> parcelar(long totalCentavos, long parcelas) {
        List<Long> r = new ArrayList<>();
        if (parcelas < 1 || parcelas > 24 || totalCentavos < 0) return r;
        long base = totalCentavos / parcelas, sobra = totalCentavos % parcelas;
        for (long i = 0; i < parcelas; i++) r.add(base + (i < sobra ? 1 : 0));
        return r;
    }
}
