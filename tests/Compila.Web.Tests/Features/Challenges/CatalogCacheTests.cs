using System.Net;
using Compila.Web.Features.Challenges.Content;
using Compila.Web.Infrastructure.Data;
using Compila.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Compila.Web.Tests.Features.Challenges;

/// <summary>
/// The catalog is served from memory: the same answer for anonymous and signed-in callers, an import on this
/// instance shows at once, and a change made elsewhere shows once the short expiry has passed.
/// </summary>
public sealed class CatalogCacheTests
{
    [Fact]
    public async Task Catalog_IsServedFromMemory_AndAnImportEvictsIt()
    {
        using var app = CompilaApp.With(new() { ["Compila:Cache:PublicReadSeconds"] = "300" });
        var anonymous = app.CreateClient();
        var learner = app.CreateClient().Authorized((await app.CreateClient().RegisterAsync()).AccessToken);
        var slug = await FirstSlugAsync(anonymous);
        string original;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            original = await scope.ServiceProvider.GetRequiredService<CompilaDb>().Challenges.Where(c => c.Slug == slug).Select(c => c.Title).SingleAsync();
        }

        // Another instance's stale write, which the next import corrects: cached as the first read sees it.
        await RetitleAsync(app, slug, "Título antigo", staleContent: true);
        Assert.Equal("Título antigo", await TitleAsync(anonymous, slug));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var report = await scope.ServiceProvider.GetRequiredService<ChallengeImporter>().ImportAsync();
            Assert.Equal(1, report.Updated);
        }

        Assert.Equal(original, await TitleAsync(anonymous, slug));
        Assert.Contains(await ListTitlesAsync(anonymous), t => t == original);

        // A write that is not an import here stays unseen for the expiry: served from memory, to everyone alike.
        await RetitleAsync(app, slug, "Mudado por fora", staleContent: false);
        Assert.Equal(original, await TitleAsync(anonymous, slug));
        Assert.Equal(original, await TitleAsync(learner, slug));
        Assert.DoesNotContain(await ListTitlesAsync(learner), t => t == "Mudado por fora");

        // Refusals are not cached: a bad query stays a 400 and a good one still answers.
        await (await anonymous.GetAsync("/v1/challenges?size=0")).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await anonymous.GetAsync("/v1/challenges/nao-existe-mesmo")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ChangeMadeByAnotherInstance_ShowsOnceTheOneSecondExpiryPasses()
    {
        using var app = CompilaApp.With([]);
        var client = app.CreateClient();
        var slug = await FirstSlugAsync(client);
        await TitleAsync(client, slug);

        await RetitleAsync(app, slug, "Novo título importado", staleContent: false);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (await TitleAsync(client, slug) != "Novo título importado")
        {
            Assert.True(DateTime.UtcNow < deadline, "The cached challenge never showed the change.");
            await Task.Delay(200);
        }

        Assert.Contains(await ListTitlesAsync(client), t => t == "Novo título importado");
    }

    [Fact]
    public async Task PersonalReads_AreNeverSharedBetweenUsers()
    {
        using var app = CompilaApp.With(new() { ["Compila:Cache:PublicReadSeconds"] = "300" });
        var ana = await app.CreateClient().RegisterAsync();
        var bia = await app.CreateClient().RegisterAsync();

        foreach (var (user, other) in new[] { (ana, bia), (bia, ana), (ana, bia) })
        {
            var me = await (await app.CreateClient().Authorized(user.AccessToken).GetAsync("/v1/me")).ReadJsonAsync();
            Assert.Equal(user.Username, me["username"]!.GetValue<string>());
            Assert.NotEqual(other.Email, me["email"]!.GetValue<string>());
        }
    }

    static async Task<string> FirstSlugAsync(HttpClient client) =>
        (await (await client.GetAsync("/v1/challenges?size=1&sort=title")).ReadJsonAsync())["items"]![0]!["slug"]!.GetValue<string>();

    static async Task<string> TitleAsync(HttpClient client, string slug) =>
        (await (await client.GetAsync($"/v1/challenges/{slug}")).ReadJsonAsync())["title"]!.GetValue<string>();

    static async Task<List<string>> ListTitlesAsync(HttpClient client) =>
        (await (await client.GetAsync("/v1/challenges?size=100&sort=title")).ReadJsonAsync())["items"]!.AsArray()
            .Select(i => i!["title"]!.GetValue<string>()).ToList();

    static async Task RetitleAsync(CompilaApp app, string slug, string title, bool staleContent)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CompilaDb>();
        await db.Challenges.Where(c => c.Slug == slug).ExecuteUpdateAsync(c => c
            .SetProperty(x => x.Title, title)
            .SetProperty(x => x.ContentHash, x => staleContent ? "stale" : x.ContentHash));
    }
}
