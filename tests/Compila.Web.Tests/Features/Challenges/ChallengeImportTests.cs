using System.Net;
using Compila.Web.Features.Challenges.Content;
using Compila.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Compila.Web.Tests.Features.Challenges;

public sealed class ChallengeImportTests
{
    [Fact]
    public async Task Import_IsIdempotent_UpdatesChangesAndUnpublishesRemovals()
    {
        var content = CatalogFixture.CopyContent();
        try
        {
            using var app = CompilaApp.With(new() { ["Compila:Content:Root"] = content });
            var client = app.CreateClient();
            var before = await (await client.GetAsync("/v1/challenges?size=1")).ReadJsonAsync();
            Assert.Equal(CatalogFixture.Published.Count, before["total"]!.GetValue<int>());

            var again = await ImportAsync(app);
            Assert.Equal(0, again.Created + again.Updated + again.Unpublished);

            var challenges = Path.Combine(content, "challenges");
            var (changed, removed) = (CatalogFixture.Published[0].Slug, CatalogFixture.Published[1].Slug);
            var yamlPath = Path.Combine(challenges, changed, "challenge.yaml");
            var yaml = await File.ReadAllLinesAsync(yamlPath);
            await File.WriteAllLinesAsync(yamlPath, yaml.Select(l => l.StartsWith("title:", StringComparison.Ordinal) ? "title: Título revisado pela equipe" : l));
            Directory.Delete(Path.Combine(challenges, removed), recursive: true);

            var report = await ImportAsync(app, fresh: true);

            Assert.True(report.Succeeded, report.ToString());
            Assert.Equal(1, report.Updated);
            Assert.Equal(1, report.Unpublished);
            var changedDetail = await (await client.GetAsync($"/v1/challenges/{changed}")).ReadJsonAsync();
            Assert.Equal("Título revisado pela equipe", changedDetail["title"]!.GetValue<string>());
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/v1/challenges/{removed}")).StatusCode);
        }
        finally
        {
            Directory.Delete(content, recursive: true);
        }
    }

    [Fact]
    public async Task Import_WithInvalidContent_ReportsFileAndLine_AndChangesNothing()
    {
        var content = CatalogFixture.CopyContent();
        try
        {
            using var app = CompilaApp.With(new() { ["Compila:Content:Root"] = content });
            var client = app.CreateClient();
            var slug = CatalogFixture.Published[0].Slug;
            var original = await (await client.GetAsync($"/v1/challenges/{slug}")).ReadJsonAsync();

            var yamlPath = Path.Combine(content, "challenges", slug, "challenge.yaml");
            var lines = (await File.ReadAllLinesAsync(yamlPath)).ToList();
            lines[0] = "title: Título que não pode entrar";
            lines.Add("difficulty: [quebrado");
            await File.WriteAllLinesAsync(yamlPath, lines);

            var report = await ImportAsync(app, fresh: true);

            Assert.False(report.Succeeded);
            Assert.Contains(report.Errors, e => e.Contains($"{slug}/challenge.yaml:", StringComparison.Ordinal));
            var after = await (await client.GetAsync($"/v1/challenges/{slug}")).ReadJsonAsync();
            Assert.Equal(original["title"]!.GetValue<string>(), after["title"]!.GetValue<string>());
        }
        finally
        {
            Directory.Delete(content, recursive: true);
        }
    }

    /// <summary>Runs the importer; <paramref name="fresh"/> re-reads the files as the import command would.</summary>
    static async Task<ImportReport> ImportAsync(CompilaApp app, bool fresh = false)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var importer = fresh
            ? ActivatorUtilities.CreateInstance<ChallengeImporter>(scope.ServiceProvider, ActivatorUtilities.CreateInstance<ChallengeContent>(scope.ServiceProvider))
            : scope.ServiceProvider.GetRequiredService<ChallengeImporter>();
        return await importer.ImportAsync(TestContext.Current.CancellationToken);
    }
}
