public static class Solution
{
    public static bool ValidarCpf(string cpf)
    {
        if (cpf.Any(c => !char.IsAsciiDigit(c) && c != '.' && c != '-')) return false;
        var d = cpf.Where(char.IsAsciiDigit).Select(c => c - '0').ToArray();
        if (d.Length != 11 || d.All(x => x == d[0])) return false;
        for (var k = 9; k <= 10; k++)
        {
            var soma = 0;
            for (var i = 0; i < k; i++) soma += d[i] * (k + 1 - i);
            var resto = soma % 11;
            if (d[k] != (resto < 2 ? 0 : 11 - resto)) return false;
        }
        return true;
    }
}
