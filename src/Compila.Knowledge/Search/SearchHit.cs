namespace Compila.Knowledge;

public enum SearchMode
{
    /// <summary>Keyword and vector rankings fused by reciprocal rank.</summary>
    Hybrid,
    /// <summary>BM25 only.</summary>
    Keyword,
    /// <summary>Embeddings only.</summary>
    Vector,
}

/// <summary>A passage found by a search, with what the UI and the tutor need to show and cite it.</summary>
/// <param name="Score">0..1, higher is better: the cosine in vector mode, the matched share of the query in keyword
/// mode, the fused score over its maximum in hybrid mode.</param>
/// <param name="Anchor">Slug of the passage's heading; <see cref="Link"/> joins it to the URL.</param>
public sealed record SearchHit(
    string DocumentId,
    string ChunkId,
    string Title,
    string Heading,
    string Text,
    string Snippet,
    double Score,
    string Language,
    string? Topic,
    string? Url,
    string Anchor,
    DocumentSource Source)
{
    /// <summary>Cosine similarity of the passage to the query, when the vector ranking saw it.</summary>
    public double? VectorScore { get; init; }

    /// <summary>Share of the query's IDF mass the passage matched, when the keyword ranking saw it.</summary>
    public double? KeywordScore { get; init; }

    public string? Link => Url is null ? null : Anchor.Length == 0 ? Url : $"{Url}#{Anchor}";
}

/// <summary>What an indexing run did.</summary>
public sealed record IndexReport(int Documents, int Embedded, int Unchanged, int Removed, int ChunksEmbedded, int Chunks);
