using System.Text;

public static class Solution
{
    public static List<string> RegrasPendentes(string senha)
    {
        var cs = senha.EnumerateRunes().ToList();
        var r = new List<string>();
        if (cs.Count < 8 || cs.Count > 64) r.Add("tamanho");
        if (!cs.Any(c => c.Value is >= 'a' and <= 'z')) r.Add("minuscula");
        if (!cs.Any(c => c.Value is >= 'A' and <= 'Z')) r.Add("maiuscula");
        if (!cs.Any(c => c.Value is >= '0' and <= '9')) r.Add("digito");
        if (!cs.Any(c => !(c.IsAscii && Rune.IsLetterOrDigit(c)) && !Rune.IsWhiteSpace(c))) r.Add("simbolo");
        if (cs.Any(Rune.IsWhiteSpace)) r.Add("espaco");
        return r;
    }
}
