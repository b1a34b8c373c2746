public static class Solution
{
    static readonly HashSet<string> Particulas = ["da", "de", "di", "do", "das", "dos", "e"];

    public static string CapitalizarNome(string nome)
    {
        var palavras = nome.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select((p, i) =>
            {
                var m = p.ToLowerInvariant();
                return i > 0 && Particulas.Contains(m) ? m : char.ToUpperInvariant(m[0]) + m[1..];
            });
        return string.Join(" ", palavras);
    }
}
