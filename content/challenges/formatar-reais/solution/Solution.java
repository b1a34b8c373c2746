class Solution {
    static String formatarReais(long centavos) {
        String sinal = centavos < 0 ? "-" : "";
        long v = Math.abs(centavos);
        String reais = Long.toString(v / 100);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < reais.length(); i++) {
            if (i > 0 && (reais.length() - i) % 3 == 0) b.append('.');
            b.append(reais.charAt(i));
        }
        return String.format("%sR$ %s,%02d", sinal, b, v % 100);
    }
}
