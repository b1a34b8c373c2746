namespace Compila.Knowledge.Tests.Search;

public class KnowledgeBaseSearchTests
{
    static async Task<KnowledgeBase> Indexed(Action<KnowledgeOptions>? configure = null)
    {
        var knowledge = Fixtures.Create(configure: configure);
        await knowledge.IndexAsync(Fixtures.Small, TestContext.Current.CancellationToken);
        return knowledge;
    }

    [Theory]
    [InlineData(SearchMode.Hybrid)]
    [InlineData(SearchMode.Keyword)]
    [InlineData(SearchMode.Vector)]
    public async Task Search_FindsTheArticleThatAnswers_InEveryMode(SearchMode mode)
    {
        using var knowledge = await Indexed();

        var hits = await knowledge.SearchAsync("como criar um map em go sem panic", null, 3, mode, TestContext.Current.CancellationToken);

        var best = hits[0];
        Assert.Equal("go-maps", best.DocumentId);
        Assert.Equal("Maps em Go", best.Title);
        Assert.Equal("Criando maps", best.Heading);
        Assert.Equal("/docs/go-maps#criando-maps", best.Link);
        Assert.Equal("go", best.Language);
        Assert.Equal("collections", best.Topic);
        Assert.InRange(best.Score, 0.0, 1.0);
        Assert.Contains("make", best.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_Hybrid_ReportsBothEvidencesAndAFusedScore()
    {
        using var knowledge = await Indexed();

        var best = (await knowledge.SearchAsync("LEFT JOIN clientes sem pedidos", cancellationToken: TestContext.Current.CancellationToken))[0];

        Assert.Equal("sql-joins", best.DocumentId);
        Assert.NotNull(best.KeywordScore);
        Assert.NotNull(best.VectorScore);
        Assert.Equal(1.0, best.Score, 3);   // first in both rankings
    }

    [Fact]
    public async Task Search_ReturnsAtMostOneHitPerDocumentByDefault_AndRespectsTheLimit()
    {
        using var knowledge = await Indexed(o => (o.KeywordScoreThreshold, o.VectorScoreThreshold) = (0, 0));

        var hits = await knowledge.SearchAsync("busca binária e notação Big-O listas maps", null, 2, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, hits.Count);
        Assert.Equal(hits.Count, hits.Select(h => h.DocumentId).Distinct().Count());
    }

    [Fact]
    public async Task Search_LanguageFilter_KeepsOnlyThatLanguage_UnlessGeneralIsIncluded()
    {
        using var knowledge = await Indexed();
        var ct = TestContext.Current.CancellationToken;

        var python = await knowledge.SearchAsync("listas maps complexidade", new SearchFilters(Language: "python"), 10, cancellationToken: ct);
        var withGeneral = await knowledge.SearchAsync("listas maps complexidade", new SearchFilters(Language: "Python", IncludeGeneral: true), 10, cancellationToken: ct);

        Assert.Equal(["python-listas"], python.Select(h => h.DocumentId));
        Assert.Equal(["big-o", "python-listas"], withGeneral.Select(h => h.DocumentId).Order());
    }

    [Fact]
    public async Task Search_TopicFilter_KeepsOnlyThatTopic()
    {
        using var knowledge = await Indexed();

        var hits = await knowledge.SearchAsync("listas maps", new SearchFilters(Topic: "collections"), 10, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(["go-maps", "python-listas"], hits.Select(h => h.DocumentId).Order());
        Assert.Empty(await knowledge.SearchAsync("listas maps", new SearchFilters(Topic: "git"), 10, cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Search_OffTopicQuestion_FallsBelowTheThresholds_AndReturnsNothing()
    {
        using var knowledge = await Indexed();

        Assert.Empty(await knowledge.SearchAsync("receita de bolo de cenoura com chocolate", cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Search_VectorThreshold_DropsMatchesBelowIt()
    {
        using var strict = await Indexed(o => o.VectorScoreThreshold = 0.99);
        using var lenient = await Indexed(o => o.VectorScoreThreshold = 0.0);
        var ct = TestContext.Current.CancellationToken;

        Assert.Empty(await strict.SearchAsync("como criar um map em go", null, 5, SearchMode.Vector, ct));
        var hits = await lenient.SearchAsync("como criar um map em go", null, 5, SearchMode.Vector, ct);
        Assert.Equal("go-maps", hits[0].DocumentId);
        Assert.All(hits, h => Assert.Equal(h.VectorScore!.Value, h.Score, 3));
    }

    [Fact]
    public async Task Search_Hybrid_DropsAWeakVectorMatchWithoutKeywordSupport()
    {
        var ct = TestContext.Current.CancellationToken;
        var pix = Fixtures.Article("pix", "Pix", "Pix instantâneo.");
        const string query = "pix cenoura batata laranja melancia abacaxi";
        using var strict = Fixtures.Create();
        using var lenient = Fixtures.Create(configure: o => o.UnsupportedVectorScoreThreshold = 0.3);
        await strict.IndexAsync([pix], ct);
        await lenient.IndexAsync([pix], ct);

        var vectorHit = Assert.Single(await strict.SearchAsync(query, null, 5, SearchMode.Vector, ct));
        Assert.InRange(vectorHit.VectorScore!.Value, 0.3, 0.5);
        Assert.Empty(await strict.SearchAsync(query, null, 5, SearchMode.Keyword, ct));

        Assert.Empty(await strict.SearchAsync(query, null, 5, SearchMode.Hybrid, ct));
        Assert.Equal("pix", Assert.Single(await lenient.SearchAsync(query, null, 5, SearchMode.Hybrid, ct)).DocumentId);
    }

    [Fact]
    public async Task Search_KeywordThreshold_RequiresEnoughOfTheQuery()
    {
        using var knowledge = await Indexed(o => o.KeywordScoreThreshold = 0.9);
        var ct = TestContext.Current.CancellationToken;

        Assert.Empty(await knowledge.SearchAsync("listas tartarugas ninjas", null, 5, SearchMode.Keyword, ct));
        Assert.Equal("python-listas", (await knowledge.SearchAsync("fatiamento listas", null, 5, SearchMode.Keyword, ct))[0].DocumentId);
    }

    [Fact]
    public async Task Search_EmptyQueryOrEmptyBase_ReturnsNothing()
    {
        using var empty = Fixtures.Create();
        using var knowledge = await Indexed();
        var ct = TestContext.Current.CancellationToken;

        Assert.Empty(await empty.SearchAsync("listas", cancellationToken: ct));
        Assert.Empty(await knowledge.SearchAsync("   ", cancellationToken: ct));
    }
}
