public static class Solution
{
    static readonly (string[] Ufs, long Base, long Adicional)[] Regioes =
    [
        (["SP", "RJ", "MG", "ES"], 1590, 350),
        (["PR", "SC", "RS"], 1890, 450),
        (["DF", "GO", "MT", "MS"], 2190, 550),
        (["BA", "SE", "AL", "PE", "PB", "RN", "CE", "PI", "MA"], 2490, 650),
        (["AM", "PA", "AC", "RO", "RR", "AP", "TO"], 2990, 800),
    ];

    public static long CalcularFrete(long pesoGramas, string uf, long valorProdutosCentavos)
    {
        var i = Array.FindIndex(Regioes, r => r.Ufs.Contains(uf.ToUpperInvariant()));
        if (i < 0 || pesoGramas <= 0) return -1;
        if (i == 0 && valorProdutosCentavos >= 29900) return 0;
        return Regioes[i].Base + ((pesoGramas + 999) / 1000 - 1) * Regioes[i].Adicional;
    }
}
