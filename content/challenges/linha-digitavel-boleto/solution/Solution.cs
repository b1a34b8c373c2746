public static class Solution
{
    static int Mod10(string s)
    {
        int total = 0, peso = 2;
        for (var i = s.Length - 1; i >= 0; i--)
        {
            var p = (s[i] - '0') * peso;
            total += p / 10 + p % 10;
            peso = 3 - peso;
        }
        return (10 - total % 10) % 10;
    }

    static int Mod11(string s)
    {
        int total = 0, peso = 2;
        for (var i = s.Length - 1; i >= 0; i--)
        {
            total += (s[i] - '0') * peso;
            peso = peso == 9 ? 2 : peso + 1;
        }
        var dv = 11 - total % 11;
        return dv is 0 or 10 or 11 ? 1 : dv;
    }

    public static long ValorDoBoleto(string linha)
    {
        if (linha.Any(c => !char.IsAsciiDigit(c) && c != '.' && c != ' ')) return -1;
        var d = linha.Replace(".", "").Replace(" ", "");
        if (d.Length != 47) return -1;
        foreach (var (ini, fim) in new[] { (0, 9), (10, 20), (21, 31) })
            if (Mod10(d[ini..fim]) != d[fim] - '0') return -1;
        var semDv = d[..4] + d[33..47] + d[4..9] + d[10..20] + d[21..31];
        if (Mod11(semDv) != d[32] - '0') return -1;
        return long.Parse(d[37..47]);
    }
}
