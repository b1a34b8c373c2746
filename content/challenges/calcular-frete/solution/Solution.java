import java.util.*;

class Solution {
    static final String[] UFS = {"SP RJ MG ES", "PR SC RS", "DF GO MT MS", "BA SE AL PE PB RN CE PI MA", "AM PA AC RO RR AP TO"};
    static final long[] BASE = {1590, 1890, 2190, 2490, 2990};
    static final long[] ADICIONAL = {350, 450, 550, 650, 800};

    static long calcularFrete(long pesoGramas, String uf, long valorProdutosCentavos) {
        if (pesoGramas <= 0) return -1;
        for (int i = 0; i < UFS.length; i++) {
            if (Arrays.asList(UFS[i].split(" ")).contains(uf.toUpperCase(Locale.ROOT))) {
                if (i == 0 && valorProdutosCentavos >= 29900) return 0;
                long quilos = (pesoGramas + 999) / 1000;
                return BASE[i] + (quilos - 1) * ADICIONAL[i];
            }
        }
        return -1;
    }
}
