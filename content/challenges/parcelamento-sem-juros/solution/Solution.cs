public static class Solution
{
    public static List<long> Parcelar(long totalCentavos, long parcelas)
    {
        if (parcelas < 1 || parcelas > 24 || totalCentavos < 0) return [];
        var (base_, sobra) = (totalCentavos / parcelas, totalCentavos % parcelas);
        return Enumerable.Range(0, (int)parcelas).Select(i => base_ + (i < sobra ? 1 : 0)).ToList();
    }
}
