namespace Compila.Knowledge.Tests.Answers;

public class OfflineAnswerTests
{
    [Fact]
    public async Task Compose_QuotesTheBestPassages_AndCitesEachSource()
    {
        using var knowledge = Fixtures.Create();
        var ct = TestContext.Current.CancellationToken;
        await knowledge.IndexAsync(Fixtures.Small, ct);
        var hits = await knowledge.SearchAsync("busca binária em lista ordenada e listas em python", null, 5, cancellationToken: ct);

        var answer = OfflineAnswer.Compose("busca binária em lista ordenada e listas em python", hits, maxPassages: 2);

        Assert.True(answer.Offline);
        Assert.StartsWith("**Modo offline**", answer.Message, StringComparison.Ordinal);
        Assert.Equal(hits.Take(2).Select(h => h.DocumentId), answer.Resources.Select(r => r.DocumentId));
        foreach (var hit in hits.Take(2))
        {
            Assert.Contains($"[{hit.Title}]({hit.Link})", answer.Message, StringComparison.Ordinal);
            Assert.Contains($"`{hit.DocumentId}`", answer.Message, StringComparison.Ordinal);
            Assert.Contains(hit.Snippet.Trim(), answer.Message, StringComparison.Ordinal);
        }
        Assert.All(answer.Resources, r => Assert.StartsWith("/docs/", r.Url, StringComparison.Ordinal));
    }

    [Fact]
    public void Compose_OnlyQuotesTheKnowledgeBase_NeverAddsContentOfItsOwn()
    {
        var hit = new SearchHit("go-maps", "go-maps#0", "Maps em Go", "Criando maps", "Escrever num map nil causa panic.",
            "Escrever num map nil causa panic.", 0.9, "go", "collections", "/docs/go-maps", "criando-maps", DocumentSource.Article);

        var answer = OfflineAnswer.Compose("map nil", [hit]);

        var lines = answer.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
        [
            "**Modo offline** — o tutor está sem um modelo de linguagem agora, então separei os trechos da base de conhecimento mais próximos da sua pergunta. Leia o original para o contexto completo.",
            "### Maps em Go › Criando maps",
            "Escrever num map nil causa panic.",
            "Fonte: [Maps em Go](/docs/go-maps#criando-maps) (`go-maps`)",
        ], lines);
        Assert.Equal(new AnswerResource("go-maps", "Maps em Go", "Criando maps", "/docs/go-maps#criando-maps"), Assert.Single(answer.Resources));
    }

    [Fact]
    public void Compose_WithoutHits_SaysNothingWasFound_AndCitesNothing()
    {
        var answer = OfflineAnswer.Compose("receita de bolo", []);

        Assert.Empty(answer.Resources);
        Assert.Contains("não encontrei", answer.Message, StringComparison.Ordinal);
        Assert.Contains("receita de bolo", answer.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Snippet_NeverCutsACodeBlock()
    {
        var text = "Introdução curta.\n\n```python\nx = 1\n\ny = 2\n```\n\n" + string.Join(" ", Enumerable.Repeat("palavra", 80));

        var snippet = Snippets.Of(text);

        Assert.Equal("Introdução curta.\n\n```python\nx = 1\n\ny = 2\n```", snippet);
    }
}
