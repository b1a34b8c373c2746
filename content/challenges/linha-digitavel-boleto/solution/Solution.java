class Solution {
    static int mod10(String s) {
        int total = 0, peso = 2;
        for (int i = s.length() - 1; i >= 0; i--) {
            int p = (s.charAt(i) - '0') * peso;
            total += p / 10 + p % 10;
            peso = 3 - peso;
        }
        return (10 - total % 10) % 10;
    }

    static int mod11(String s) {
        int total = 0, peso = 2;
        for (int i = s.length() - 1; i >= 0; i--) {
            total += (s.charAt(i) - '0') * peso;
            peso = peso == 9 ? 2 : peso + 1;
        }
        int dv = 11 - total % 11;
        return dv == 0 || dv == 10 || dv == 11 ? 1 : dv;
    }

    static long valorDoBoleto(String linha) {
        if (!linha.matches("[0-9. ]*")) return -1;
        String d = linha.replace(".", "").replace(" ", "");
        if (d.length() != 47) return -1;
        int[][] campos = {{0, 9}, {10, 20}, {21, 31}};
        for (int[] c : campos) {
            if (mod10(d.substring(c[0], c[1])) != d.charAt(c[1]) - '0') return -1;
        }
        String semDv = d.substring(0, 4) + d.substring(33, 47) + d.substring(4, 9) + d.substring(10, 20) + d.substring(21, 31);
        if (mod11(semDv) != d.charAt(32) - '0') return -1;
        return Long.parseLong(d.substring(37, 47));
    }
}
