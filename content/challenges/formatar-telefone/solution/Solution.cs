public static class Solution
{
    public static string FormatarTelefone(string texto)
    {
        var d = new string(texto.Where(char.IsAsciiDigit).ToArray());
        if ((d.Length != 10 && d.Length != 11) || d[0] == '0') return "";
        var (ddd, n) = (d[..2], d[2..]);
        if (d.Length == 11 && n[0] == '9') return $"({ddd}) {n[..5]}-{n[5..]}";
        if (d.Length == 10 && "2345".Contains(n[0])) return $"({ddd}) {n[..4]}-{n[4..]}";
        return "";
    }
}
