namespace Compila.Knowledge.Tests.Keyword;

[Trait("Lane", "Fast")]
public class Bm25IndexTests
{
    static KnowledgeChunk Chunk(int i, string text) =>
        new($"d{i}#0", $"d{i}", 0, $"Doc {i}", "", "", text, "general", null, null, DocumentSource.Article);

    [Fact]
    public void Search_RanksTheChunkWithRarerMatchingTermsFirst_AndMatchesAcrossAccentsAndPlurals()
    {
        var index = new Bm25Index([
            Chunk(0, "Texto geral sobre programação e código."),
            Chunk(1, "A ordenação de listas com o algoritmo merge sort."),
            Chunk(2, "Programação com código e mais código."),
        ]);

        var matches = index.Search("como ordenar uma lista", 10, _ => true);

        Assert.Equal(1, matches[0].Chunk);
        Assert.Equal(1.0, matches[0].Coverage, 3);
    }

    [Fact]
    public void Search_CoverageIsTheMatchedShareOfTheQuery()
    {
        var index = new Bm25Index([Chunk(0, "listas em python"), Chunk(1, "maps em go")]);

        var match = Assert.Single(index.Search("listas em haskell", 10, _ => true));

        Assert.Equal(0, match.Chunk);
        Assert.InRange(match.Coverage, 0.1, 0.9);
    }

    [Fact]
    public void Search_SkipsChunksTheFilterRejects()
    {
        var index = new Bm25Index([Chunk(0, "listas em python"), Chunk(1, "listas em go")]);

        var match = Assert.Single(index.Search("listas", 10, i => i == 1));

        Assert.Equal(1, match.Chunk);
    }

    [Fact]
    public void Search_OnlyStopwords_ReturnsNothing() =>
        Assert.Empty(new Bm25Index([Chunk(0, "listas em python")]).Search("como é que se faz isso", 10, _ => true));
}
