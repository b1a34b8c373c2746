using System.Text.RegularExpressions;

public static class Solution
{
    public static long DuracaoEmSegundos(string texto)
    {
        var m = Regex.Match(texto, @"^(?:(\d{1,6})d)?(?:(\d{1,6})h)?(?:(\d{1,6})m)?(?:(\d{1,6})s)?$");
        if (texto.Length == 0 || !m.Success) return -1;
        long[] pesos = [86400, 3600, 60, 1];
        long total = 0;
        for (var i = 0; i < 4; i++)
            if (m.Groups[i + 1].Success) total += long.Parse(m.Groups[i + 1].Value) * pesos[i];
        return total;
    }
}
