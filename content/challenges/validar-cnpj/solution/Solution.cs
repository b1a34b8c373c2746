public static class Solution
{
    public static bool ValidarCnpj(string cnpj)
    {
        if (cnpj.Any(c => !char.IsAsciiDigit(c) && c != '.' && c != '/' && c != '-')) return false;
        var d = cnpj.Where(char.IsAsciiDigit).Select(c => c - '0').ToArray();
        if (d.Length != 14 || d.All(x => x == d[0])) return false;
        int[] p2 = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
        for (var pos = 12; pos <= 13; pos++)
        {
            var soma = 0;
            for (var i = 0; i < pos; i++) soma += d[i] * p2[i + 13 - pos];
            var resto = soma % 11;
            if (d[pos] != (resto < 2 ? 0 : 11 - resto)) return false;
        }
        return true;
    }
}
