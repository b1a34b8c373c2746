public static class Solution
{
    public static List<long> IndicesAnomalos(List<double> valores, double limite)
    {
        if (valores.Count < 2) return [];
        var media = valores.Average();
        var desvio = Math.Sqrt(valores.Sum(x => (x - media) * (x - media)) / valores.Count);
        if (desvio == 0) return [];
        return Enumerable.Range(0, valores.Count).Where(i => Math.Abs(valores[i] - media) / desvio > limite).Select(i => (long)i).ToList();
    }
}
