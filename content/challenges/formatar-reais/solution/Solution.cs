using System.Globalization;

public static class Solution
{
    public static string FormatarReais(long centavos)
    {
        var sinal = centavos < 0 ? "-" : "";
        var v = Math.Abs(centavos);
        var reais = (v / 100).ToString("#,0", CultureInfo.InvariantCulture).Replace(",", ".");
        return $"{sinal}R$ {reais},{(v % 100).ToString("00", CultureInfo.InvariantCulture)}";
    }
}
