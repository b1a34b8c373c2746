public static class Solution
{
    public static Dictionary<string, long> Troco(long centavos)
    {
        var r = new Dictionary<string, long>();
        foreach (var v in new long[] { 20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 25, 10, 5, 1 })
        {
            if (centavos < v) continue;
            r[v.ToString()] = centavos / v;
            centavos %= v;
        }
        return r;
    }
}
