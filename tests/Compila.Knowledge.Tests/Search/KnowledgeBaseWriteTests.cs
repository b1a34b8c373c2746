namespace Compila.Knowledge.Tests.Search;

public class KnowledgeBaseWriteTests
{
    [Fact]
    public async Task AddDocument_FromContentAndMetadata_IsSearchableWithANewAdminId()
    {
        using var knowledge = Fixtures.Create();
        var ct = TestContext.Current.CancellationToken;
        await knowledge.IndexAsync(Fixtures.Small, ct);

        var id = await knowledge.AddDocumentAsync("Pix no compila.dev", "## Pagamentos\n\nO plano pro aceita pagamento por Pix com QR code.", "general", "billing", cancellationToken: ct);

        Assert.StartsWith("admin:", id, StringComparison.Ordinal);
        var hit = (await knowledge.SearchAsync("pagar o plano com pix", cancellationToken: ct))[0];
        Assert.Equal(id, hit.DocumentId);
        Assert.Equal(DocumentSource.Admin, hit.Source);
        Assert.Equal("billing", hit.Topic);
        Assert.Equal(5, knowledge.Count.Documents);
    }

    [Fact]
    public async Task IndexAsync_RemovesStaleDocumentsOfTheSameSource_ButKeepsOtherSources()
    {
        using var knowledge = Fixtures.Create();
        var ct = TestContext.Current.CancellationToken;
        await knowledge.IndexAsync(Fixtures.Small, ct);
        var admin = await knowledge.AddDocumentAsync(Fixtures.Article("faq", "FAQ", "Perguntas frequentes sobre certificados.") with { Source = DocumentSource.Admin }, ct);
        await knowledge.IndexAsync([KnowledgeDocument.FromChallenge("validar-cpf", "Validar CPF", "Escreva uma função que valida os dígitos verificadores do CPF.", "python")], ct);

        var report = await knowledge.IndexAsync([Fixtures.PythonLists, Fixtures.GoMaps], ct);

        Assert.Equal(2, report.Removed);
        Assert.Equal(2, report.Unchanged);
        Assert.Empty(await knowledge.SearchAsync("LEFT JOIN", cancellationToken: ct));
        Assert.Equal(admin, (await knowledge.SearchAsync("certificados frequentes", cancellationToken: ct))[0].DocumentId);
        var challenge = (await knowledge.SearchAsync("dígitos verificadores do CPF", cancellationToken: ct))[0];
        Assert.Equal(("challenge:validar-cpf", "/challenges/validar-cpf", DocumentSource.Challenge), (challenge.DocumentId, challenge.Url, challenge.Source));
    }

    [Fact]
    public async Task IndexAsync_ReembedsOnlyChangedDocuments()
    {
        var embedder = new CountingEmbedder(new BagOfWordsEmbedder());
        using var knowledge = Fixtures.Create(embedder);
        var ct = TestContext.Current.CancellationToken;
        await knowledge.IndexAsync(Fixtures.Small, ct);
        var afterFirst = embedder.TextsEmbedded;

        var changed = Fixtures.BigO with { Markdown = Fixtures.BigO.Markdown + "\n\nO(1) é tempo constante." };
        var report = await knowledge.IndexAsync([Fixtures.PythonLists, Fixtures.GoMaps, changed, Fixtures.SqlJoins], ct);

        Assert.Equal((1, 3), (report.Embedded, report.Unchanged));
        Assert.Equal(new MarkdownChunker(new ChunkingOptions()).Chunk(changed).Count, embedder.TextsEmbedded - afterFirst);
        Assert.Contains("constante", (await knowledge.SearchAsync("tempo constante", cancellationToken: ct))[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemoveDocument_TakesItOutOfBothRankings()
    {
        using var knowledge = Fixtures.Create();
        var ct = TestContext.Current.CancellationToken;
        await knowledge.IndexAsync(Fixtures.Small, ct);

        Assert.True(await knowledge.RemoveDocumentAsync("sql-joins", ct));
        Assert.False(await knowledge.RemoveDocumentAsync("sql-joins", ct));

        foreach (var mode in new[] { SearchMode.Keyword, SearchMode.Vector, SearchMode.Hybrid })
            Assert.DoesNotContain(await knowledge.SearchAsync("LEFT JOIN clientes sem pedidos", null, 10, mode, ct), h => h.DocumentId == "sql-joins");
    }

    [Fact]
    public async Task VectorBackendNone_NeverCallsTheEmbedder_AndSearchesByKeyword()
    {
        var embedder = new CountingEmbedder(new BagOfWordsEmbedder());
        using var knowledge = Fixtures.Create(embedder, o => o.VectorBackend = VectorBackend.None);
        var ct = TestContext.Current.CancellationToken;

        var report = await knowledge.IndexAsync(Fixtures.Small, ct);
        var hits = await knowledge.SearchAsync("LEFT JOIN clientes sem pedidos", cancellationToken: ct);

        Assert.Equal((0, 4), (report.Embedded, report.Unchanged));
        Assert.Equal(0, embedder.TextsEmbedded);
        Assert.Equal("sql-joins", hits[0].DocumentId);
        Assert.Null(hits[0].VectorScore);
        Assert.NotNull(hits[0].KeywordScore);
    }

    [Fact]
    public async Task IndexAsync_RejectsDuplicateIds()
    {
        using var knowledge = Fixtures.Create();

        await Assert.ThrowsAsync<ArgumentException>(() => knowledge.IndexAsync([Fixtures.GoMaps, Fixtures.GoMaps], TestContext.Current.CancellationToken));
    }
}
