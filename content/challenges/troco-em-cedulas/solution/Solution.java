import java.util.*;

class Solution {
    static Map<String, Long> troco(long centavos) {
        Map<String, Long> r = new LinkedHashMap<>();
        for (long v : new long[] {20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 25, 10, 5, 1}) {
            if (centavos >= v) {
                r.put(Long.toString(v), centavos / v);
                centavos %= v;
            }
        }
        return r;
    }
}
