namespace Compila.ChallengeSuites.Content;

/// <summary>The outcome of loading content: either a full catalog or every error found, never half of one.</summary>
public sealed record CatalogLoadResult(ChallengeCatalog? Catalog, IReadOnlyList<ContentError> Errors)
{
    public bool Succeeded => Catalog is not null;
}
