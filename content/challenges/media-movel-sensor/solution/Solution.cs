public static class Solution
{
    public static List<double> MediaMovel(List<double> leituras, long janela)
    {
        if (janela < 1 || janela > leituras.Count) return [];
        var k = (int)janela;
        var soma = leituras.Take(k).Sum();
        var r = new List<double> { soma / k };
        for (var i = k; i < leituras.Count; i++)
        {
            soma += leituras[i] - leituras[i - k];
            r.Add(soma / k);
        }
        return r;
    }
}
