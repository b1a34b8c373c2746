namespace Compila.Knowledge;

/// <summary>
/// Reciprocal rank fusion (Cormack et al., 2009): each ranking adds <c>weight / (k + rank)</c> to every item it
/// lists, ranks starting at 1. It needs no score calibration between BM25 and cosine, only ranks.
/// </summary>
internal static class ReciprocalRankFusion
{
    public static Dictionary<T, double> Fuse<T>(int k, params (IReadOnlyList<T> Ranking, double Weight)[] rankings)
        where T : notnull
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        var fused = new Dictionary<T, double>();
        foreach (var (ranking, weight) in rankings)
        {
            for (var rank = 0; rank < ranking.Count; rank++)
                fused[ranking[rank]] = fused.GetValueOrDefault(ranking[rank]) + weight / (k + rank + 1);
        }
        return fused;
    }

    /// <summary>The best possible fused score: first in every ranking.</summary>
    public static double Maximum(int k, params double[] weights) => weights.Sum(w => w / (k + 1));
}
