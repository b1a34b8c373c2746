using Compila.Web.Features.Tutor;
using Compila.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Compila.Web.Tests.Features.Tutor;

public sealed class KnowledgeIndexerTests
{
    [Fact]
    public async Task Indexer_WhenAnotherInstanceHoldsTheIndexLock_LeavesTheIndexToIt()
    {
        using var database = new TestDatabase();
        var folder = Path.Combine(database.DataDir, "knowledge");
        Directory.CreateDirectory(folder);
        await using var held = new FileStream(Path.Combine(folder, ".indexing.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        using var app = CompilaApp.With([], database);
        await app.Services.GetRequiredService<KnowledgeIndexer>().Ready;
        var client = app.CreateClient();
        var user = await client.RegisterAsync();

        var hits = await (await client.Authorized(user.AccessToken).GetAsync("/v1/ai/search?q=listas%20em%20python")).ReadJsonAsync();

        Assert.Empty(hits.AsArray());
    }

    [Fact]
    public async Task Indexer_WithTheLockFree_IndexesTheArticles()
    {
        using var app = new CompilaApp();
        await app.Services.GetRequiredService<KnowledgeIndexer>().Ready;
        var client = app.CreateClient();
        var user = await client.RegisterAsync();

        var hits = await (await client.Authorized(user.AccessToken).GetAsync("/v1/ai/search?q=listas%20em%20python")).ReadJsonAsync();

        Assert.NotEmpty(hits.AsArray());
    }
}
