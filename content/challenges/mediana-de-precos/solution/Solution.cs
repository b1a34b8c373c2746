public static class Solution
{
    public static double? Mediana(List<double> precos)
    {
        if (precos.Count == 0) return null;
        var v = precos.Order().ToList();
        var meio = v.Count / 2;
        return v.Count % 2 == 1 ? v[meio] : (v[meio - 1] + v[meio]) / 2;
    }
}
