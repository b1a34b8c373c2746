public static class Solution
{
    public static List<List<long>> MesclarHorarios(List<List<long>> horarios)
    {
        var r = new List<List<long>>();
        foreach (var h in horarios.OrderBy(h => h[0]).ThenBy(h => h[1]))
        {
            if (r.Count > 0 && h[0] <= r[^1][1]) r[^1][1] = Math.Max(r[^1][1], h[1]);
            else r.Add([h[0], h[1]]);
        }
        return r;
    }
}
