using Compila.ChallengeSuites.Content;

namespace Compila.Web.Tests.Features.Challenges;

/// <summary>The real catalog shipped with the app, loaded the way the host loads it, to derive expectations.</summary>
public static class CatalogFixture
{
    static readonly Lazy<ChallengeCatalog> Loaded = new(() =>
    {
        var result = ChallengeCatalog.Load(ContentRoot);
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        return result.Catalog!;
    });

    public static string ContentRoot => Path.Combine(AppContext.BaseDirectory, "content");

    public static ChallengeCatalog Catalog => Loaded.Value;

    public static IReadOnlyList<ChallengeSuite> Published => Catalog.Challenges.Where(c => c.Published).ToList();

    /// <summary>A copy of the content that a test may change.</summary>
    public static string CopyContent()
    {
        var target = Path.Combine(Path.GetTempPath(), "compila-content-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.EnumerateFiles(ContentRoot, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(ContentRoot, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        return target;
    }
}
