class Solution {
    static boolean validarCpf(String cpf) {
        int[] d = new int[11];
        int n = 0;
        for (char c : cpf.toCharArray()) {
            if (c == '.' || c == '-') continue;
            if (c < '0' || c > '9' || n == 11) return false;
            d[n++] = c - '0';
        }
        if (n != 11) return false;
        boolean iguais = true;
        for (int x : d) if (x != d[0]) iguais = false;
        if (iguais) return false;
        for (int k = 9; k <= 10; k++) {
            int soma = 0;
            for (int i = 0; i < k; i++) soma += d[i] * (k + 1 - i);
            int resto = soma % 11;
            if (d[k] != (resto < 2 ? 0 : 11 - resto)) return false;
        }
        return true;
    }
}
