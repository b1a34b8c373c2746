class Solution {
    static boolean validarCnpj(String cnpj) {
        int[] d = new int[14];
        int n = 0;
        for (char c : cnpj.toCharArray()) {
            if (c == '.' || c == '/' || c == '-') continue;
            if (c < '0' || c > '9' || n == 14) return false;
            d[n++] = c - '0';
        }
        if (n != 14) return false;
        boolean iguais = true;
        for (int x : d) if (x != d[0]) iguais = false;
        if (iguais) return false;
        int[] p2 = {6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};
        for (int pos = 12; pos <= 13; pos++) {
            int soma = 0;
            for (int i = 0; i < pos; i++) soma += d[i] * p2[i + 13 - pos];
            int resto = soma % 11;
            if (d[pos] != (resto < 2 ? 0 : 11 - resto)) return false;
        }
        return true;
    }
}
