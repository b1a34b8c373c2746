namespace Compila.Knowledge.Tests.Chunking;

[Trait("Lane", "Fast")]
public class MarkdownChunkerTests
{
    static readonly MarkdownChunker Chunker = new(new ChunkingOptions { MaxWords = 40, OverlapWords = 12 });

    static KnowledgeDocument Doc(string markdown) => new("doc", "Título", markdown) { Url = "/docs/doc" };

    [Fact]
    public void Chunk_SplitsAtHeadings_WithHeadingPathAndAnchor()
    {
        var chunks = Chunker.Chunk(Doc("""
            # Título

            Introdução curta.

            ## Listas e tuplas

            Texto sobre listas.

            ### Fatiamento de listas

            Texto sobre fatias.
            """));

        Assert.Equal(3, chunks.Count);
        Assert.Equal("", chunks[0].Heading);
        Assert.Equal("Introdução curta.", chunks[0].Text);
        Assert.Equal("Listas e tuplas", chunks[1].Heading);
        Assert.Equal("listas-e-tuplas", chunks[1].Anchor);
        Assert.Equal("Listas e tuplas › Fatiamento de listas", chunks[2].Heading);
        Assert.Equal("fatiamento-de-listas", chunks[2].Anchor);
        Assert.Equal(["doc#0", "doc#1", "doc#2"], chunks.Select(c => c.ChunkId));
    }

    [Fact]
    public void Chunk_LongSection_SplitsWithOverlapAndRespectsTheLimit()
    {
        var paragraphs = Enumerable.Range(1, 8).Select(i => $"Frase número {i} do parágrafo {i}, com algumas palavras a mais para encher. Fim do parágrafo {i}.");
        var chunks = Chunker.Chunk(Doc("## Seção\n\n" + string.Join("\n\n", paragraphs)));

        Assert.True(chunks.Count >= 3);
        Assert.All(chunks, c => Assert.True(MarkdownChunker.CountWords(c.Text) <= 40, c.Text));
        for (var i = 1; i < chunks.Count; i++)
        {
            // The next passage opens with the last sentences of the previous one.
            var previousLastParagraph = chunks[i - 1].Text.Split("\n\n")[^1];
            var opening = chunks[i].Text.Split("\n\n")[0];
            Assert.NotEqual(previousLastParagraph, opening);
            Assert.EndsWith(opening, previousLastParagraph, StringComparison.Ordinal);
        }
        Assert.All(paragraphs, p => Assert.Contains(chunks, c => c.Text.Contains(p, StringComparison.Ordinal)));
    }

    [Fact]
    public void Chunk_KeepsCodeBlocksWhole_EvenWhenLongerThanTheLimitAndWithBlankLines()
    {
        var code = "```python\n" + string.Join("\n", Enumerable.Range(0, 30).Select(i => $"valor_{i} = {i} * 2  # comentário")) + "\n\n# ainda é código, não título\nprint('fim')\n```";
        var chunks = Chunker.Chunk(Doc($"## Exemplo\n\nAntes do código vem uma explicação.\n\n{code}\n\nDepois do código vem outra explicação."));

        var withCode = Assert.Single(chunks, c => c.Text.Contains("```python", StringComparison.Ordinal));
        Assert.Contains(code, withCode.Text, StringComparison.Ordinal);
        Assert.All(chunks, c => Assert.Equal("Exemplo", c.Heading));
        Assert.Contains(chunks, c => c.Text.Contains("Depois do código", StringComparison.Ordinal));
    }

    [Fact]
    public void Chunk_CarriesDocumentMetadata()
    {
        var document = new KnowledgeDocument("go-x", "Go", "Texto.") { Language = "go", Topic = "basics", Source = DocumentSource.Admin, Url = "/x" };

        var chunk = Assert.Single(Chunker.Chunk(document));

        Assert.Equal(("go-x", "Go", "go", "basics", DocumentSource.Admin, "/x"), (chunk.DocumentId, chunk.Title, chunk.Language, chunk.Topic, chunk.Source, chunk.Url));
    }

    [Theory]
    [InlineData("Listas e Tuplas", "listas-e-tuplas")]
    [InlineData("Ordenação: por quê?", "ordenacao-por-que")]
    [InlineData("async/await em C#", "async-await-em-c")]
    public void Slugify_FoldsAccentsAndPunctuation(string heading, string slug) =>
        Assert.Equal(slug, MarkdownChunker.Slugify(heading));
}
