namespace Compila.Knowledge.Tests.Search;

[Trait("Lane", "Fast")]
public class ReciprocalRankFusionTests
{
    [Fact]
    public void Fuse_AnItemHighInBothRankingsBeatsOneFirstInOnlyOne()
    {
        var fused = ReciprocalRankFusion.Fuse(60, (["a", "b", "c"], 1.0), (["d", "b", "e"], 1.0));

        Assert.Equal("b", fused.MaxBy(p => p.Value).Key);   // 2/62 beats 1/61
        Assert.Equal(2.0 / 62, fused["b"], 10);
        Assert.Equal(1.0 / 61, fused["a"], 10);
        Assert.Equal(fused["a"], fused["d"], 10);
        Assert.True(fused["c"] < fused["a"]);
        Assert.Equal(5, fused.Count);
    }

    [Fact]
    public void Fuse_WeightsScaleEachRankingsContribution()
    {
        var fused = ReciprocalRankFusion.Fuse(10, (["a"], 1.0), (["b"], 0.5));

        Assert.Equal(1.0 / 11, fused["a"], 10);
        Assert.Equal(0.5 / 11, fused["b"], 10);
    }

    [Fact]
    public void Fuse_SmallerKFavoursTopRanks()
    {
        // "top" leads one list; "both" is third in two lists.
        static string Winner(int k) => ReciprocalRankFusion
            .Fuse(k, (["top", "x", "both"], 1.0), (["y", "z", "both"], 1.0))
            .MaxBy(p => p.Value).Key;

        Assert.Equal("both", Winner(60));
        Assert.Equal("top", Winner(0));
    }

    [Fact]
    public void Maximum_IsTheScoreOfBeingFirstEverywhere() =>
        Assert.Equal(1.0 / 61 + 0.5 / 61, ReciprocalRankFusion.Maximum(60, 1.0, 0.5), 10);
}
