namespace Compila.Knowledge.Tests.Persistence;

/// <summary>Uses the real all-MiniLM-L6-v2 model on a handful of short documents.</summary>
public class PersistenceTests
{
    [Fact]
    public async Task Reopen_SearchesFromDisk_AndReindexingUnchangedDocumentsEmbedsNothing()
    {
        using var folder = new TempDirectory();
        var ct = TestContext.Current.CancellationToken;
        var first = new CountingEmbedder(SharedMiniLm.Instance);
        using (var knowledge = Fixtures.Create(first, directory: folder.Path))
        {
            var report = await knowledge.IndexAsync(Fixtures.Small, ct);
            Assert.Equal(report.Chunks, first.TextsEmbedded);
            Assert.Equal(4, report.Embedded);
        }
        Assert.True(File.Exists(Path.Combine(folder.Path, "vectors.bin")));
        Assert.True(File.Exists(Path.Combine(folder.Path, "catalog.json")));

        var second = new CountingEmbedder(SharedMiniLm.Instance);
        using var reopened = Fixtures.Create(second, directory: folder.Path);

        // Searchable straight from the persisted catalogue and vectors, before any indexing.
        var beforeReindex = await reopened.SearchAsync("LEFT JOIN clientes sem pedidos", null, 3, SearchMode.Vector, ct);
        Assert.Equal("sql-joins", beforeReindex[0].DocumentId);
        var queryEmbeddings = second.TextsEmbedded;

        var again = await reopened.IndexAsync(Fixtures.Small, ct);

        Assert.Equal((0, 4), (again.Embedded, again.Unchanged));
        Assert.Equal(queryEmbeddings, second.TextsEmbedded);
    }

    [Fact]
    public async Task Reopen_AfterAChange_EmbedsOnlyTheChangedDocument()
    {
        using var folder = new TempDirectory();
        var ct = TestContext.Current.CancellationToken;
        using (var knowledge = Fixtures.Create(SharedMiniLm.Instance, directory: folder.Path))
            await knowledge.IndexAsync(Fixtures.Small, ct);

        var counting = new CountingEmbedder(SharedMiniLm.Instance);
        using var reopened = Fixtures.Create(counting, directory: folder.Path);
        var changed = Fixtures.GoMaps with { Markdown = Fixtures.GoMaps.Markdown + "\n\nUse delete para remover uma chave." };
        var report = await reopened.IndexAsync([Fixtures.PythonLists, changed, Fixtures.BigO, Fixtures.SqlJoins], ct);

        Assert.Equal((1, 3), (report.Embedded, report.Unchanged));
        Assert.Equal(new MarkdownChunker(new ChunkingOptions()).Chunk(changed).Count, counting.TextsEmbedded);
    }

    [Fact]
    public async Task Reopen_WithDifferentChunking_ReembedsEverything()
    {
        using var folder = new TempDirectory();
        var ct = TestContext.Current.CancellationToken;
        using (var knowledge = Fixtures.Create(SharedMiniLm.Instance, directory: folder.Path))
            await knowledge.IndexAsync(Fixtures.Small, ct);

        using var reopened = Fixtures.Create(SharedMiniLm.Instance, o => o.Chunking.MaxWords = 20, folder.Path);
        var report = await reopened.IndexAsync(Fixtures.Small, ct);

        Assert.Equal(4, report.Embedded);
    }

    [Fact]
    public void MiniLm_ProducesUnitVectorsOf384Dimensions_AndIsSafeToCallConcurrently()
    {
        var ct = TestContext.Current.CancellationToken;
        string[] texts = ["listas em python", "maps em go", "árvore binária de busca", "git rebase", "LEFT JOIN em SQL", "async e await em C#"];
        var sequential = texts.Select(t => SharedMiniLm.Instance.Embed([t], ct)[0]).ToArray();

        var concurrent = new float[texts.Length][];
        Parallel.For(0, texts.Length, new ParallelOptions { MaxDegreeOfParallelism = 3 }, i => concurrent[i] = SharedMiniLm.Instance.Embed([texts[i]], ct)[0]);
        var batched = SharedMiniLm.Instance.Embed(texts, ct);

        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(384, sequential[i].Length);
            Assert.Equal(1.0, Math.Sqrt(sequential[i].Sum(v => (double)v * v)), 3);
            Assert.Equal(1.0, LocalVectorIndex.Dot(sequential[i], concurrent[i]), 4);
            Assert.Equal(1.0, LocalVectorIndex.Dot(sequential[i], batched[i]), 3);
        }
        Assert.True(LocalVectorIndex.Dot(sequential[0], sequential[1]) < 0.99);
    }
}
