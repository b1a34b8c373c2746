public static class Solution
{
    public static List<string> TopIps(List<string> linhas, long n)
    {
        if (n <= 0) return [];
        return linhas.Where(l => !string.IsNullOrWhiteSpace(l))
            .GroupBy(l => l.Trim().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[0])
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take((int)Math.Min(n, int.MaxValue))
            .Select(g => g.Key)
            .ToList();
    }
}
