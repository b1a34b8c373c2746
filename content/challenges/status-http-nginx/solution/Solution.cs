using System.Text.RegularExpressions;

public static class Solution
{
    static readonly Regex Padrao = new("\"[^\"]*\" (\\d{3}) \\d+");

    public static Dictionary<string, long> ContarStatus(List<string> linhas)
    {
        var r = new Dictionary<string, long>();
        foreach (var linha in linhas)
        {
            if (string.IsNullOrWhiteSpace(linha)) continue;
            var m = Padrao.Match(linha);
            var status = m.Success ? int.Parse(m.Groups[1].Value) : 0;
            var chave = status is >= 100 and <= 599 ? $"{status / 100}xx" : "invalidas";
            r[chave] = r.GetValueOrDefault(chave) + 1;
        }
        return r;
    }
}
