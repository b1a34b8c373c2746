using System.Text.RegularExpressions;

public static class Solution
{
    static readonly Regex Padrao = new(@"^(?:R\$ ?)?(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$");

    public static long ReaisParaCentavos(string valor)
    {
        var m = Padrao.Match(valor.Trim());
        if (!m.Success) return -1;
        var reais = long.Parse(m.Groups[1].Value.Replace(".", ""));
        var c = m.Groups[2].Success ? m.Groups[2].Value.PadRight(2, '0') : "00";
        var total = reais * 100 + long.Parse(c);
        return total > 0 ? total : -1;
    }
}
