using Compila.ChallengeSuites.Content;
using Microsoft.Extensions.Options;

namespace Compila.Web.Features.Challenges.Content;

/// <summary>
/// The challenge catalog read from the content files, loaded once. The files are the source of truth for
/// tests and solutions; the database row is what the API queries.
/// </summary>
public sealed class ChallengeContent(IOptions<ContentOptions> options)
{
    readonly Lazy<CatalogLoadResult> loaded = new(() => ChallengeCatalog.Load(options.Value.ResolvedRoot));

    public CatalogLoadResult Load() => loaded.Value;

    /// <summary>The catalog; throws when the content does not load (the import reports why).</summary>
    public ChallengeCatalog Catalog => loaded.Value.Catalog
        ?? throw new InvalidOperationException("Challenge content is invalid: " + string.Join("; ", loaded.Value.Errors.Take(5)));

    public ChallengeSuite? Find(string slug) => loaded.Value.Catalog?.Find(slug);
}
