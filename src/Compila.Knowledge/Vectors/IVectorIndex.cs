namespace Compila.Knowledge;

/// <summary>
/// Stores chunk vectors per document, with the content hash they were computed from, and answers nearest-neighbour
/// queries by cosine similarity. The in-process <see cref="LocalVectorIndex"/> is the default; <see cref="QdrantVectorIndex"/>
/// is selected by configuration.
/// </summary>
public interface IVectorIndex
{
    /// <summary>Document id → content hash of what is stored, to skip re-embedding unchanged documents.</summary>
    Task<IReadOnlyDictionary<string, string>> GetDocumentHashesAsync(CancellationToken cancellationToken = default);

    /// <summary>Replaces every vector of <paramref name="documentId"/> with <paramref name="chunks"/>.</summary>
    Task UpsertDocumentAsync(string documentId, string contentHash, IReadOnlyList<ChunkVector> chunks, CancellationToken cancellationToken = default);

    Task DeleteDocumentAsync(string documentId, CancellationToken cancellationToken = default);

    /// <summary>Best matches by cosine similarity (1 = same direction), filtered, best first.</summary>
    Task<IReadOnlyList<VectorMatch>> SearchAsync(float[] query, int limit, SearchFilters? filters, CancellationToken cancellationToken = default);

    /// <summary>Makes the writes durable (the local index writes its folder; a server index has nothing to do).</summary>
    Task FlushAsync(CancellationToken cancellationToken = default);
}

/// <summary>A chunk's vector with the metadata filters need.</summary>
public sealed record ChunkVector(string ChunkId, float[] Vector, string Language, string? Topic);

public readonly record struct VectorMatch(string ChunkId, float Score);
