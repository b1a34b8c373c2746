import java.util.*;

class Solution {
    static Double mediana(List<Double> precos) {
        if (precos.isEmpty()) return null;
        List<Double> v = new ArrayList<>(precos);
        Collections.sort(v);
        int meio = v.size() / 2;
        return v.size() % 2 == 1 ? v.get(meio) : (v.get(meio - 1) + v.get(meio)) / 2;
    }
}
