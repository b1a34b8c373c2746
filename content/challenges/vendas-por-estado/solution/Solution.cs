using System.Text.RegularExpressions;

public static class Solution
{
    static readonly HashSet<string> Ufs = [.. "AC AL AP AM BA CE DF ES GO MA MT MS MG PA PB PR PE PI RJ RN RS RO RR SC SP SE TO".Split(' ')];

    public static Dictionary<string, long> TotalPorUf(List<string> linhas)
    {
        var r = new Dictionary<string, long>();
        foreach (var linha in linhas.Skip(1))
        {
            if (string.IsNullOrWhiteSpace(linha)) continue;
            var campos = linha.Split(';').Select(c => c.Trim()).ToArray();
            var m = campos.Length == 2 ? Regex.Match(campos[1], "^([0-9]+)(?:,([0-9]{1,2}))?$") : null;
            var uf = campos[0].ToUpperInvariant();
            if (m is null || !m.Success || !Ufs.Contains(uf))
            {
                r["invalidas"] = r.GetValueOrDefault("invalidas") + 1;
                continue;
            }
            var c = m.Groups[2].Success ? m.Groups[2].Value.PadRight(2, '0') : "00";
            r[uf] = r.GetValueOrDefault(uf) + long.Parse(m.Groups[1].Value) * 100 + long.Parse(c);
        }
        return r;
    }
}
