namespace Compila.Knowledge;

/// <summary>
/// The tutor's knowledge base: articles, challenge descriptions and admin documents, chunked, embedded and searchable
/// by keyword, by vector or both. Thread-safe; searches never wait for indexing.
/// </summary>
public interface IKnowledgeBase
{
    /// <summary>
    /// The spec's <c>search(query, filters, limit)</c>: the best passages, at most one per document by default, above
    /// the score thresholds, best first. An empty list means nothing relevant was found.
    /// </summary>
    Task<IReadOnlyList<SearchHit>> SearchAsync(string query, SearchFilters? filters = null, int limit = 5,
        SearchMode mode = SearchMode.Hybrid, CancellationToken cancellationToken = default);

    /// <summary>
    /// Upserts <paramref name="documents"/>: unchanged ones (same content hash) are not embedded again. Documents
    /// indexed before from the same sources (<see cref="KnowledgeDocument.Source"/>) but absent now are removed;
    /// other sources are left alone, so indexing the articles does not drop admin documents.
    /// </summary>
    Task<IndexReport> IndexAsync(IEnumerable<KnowledgeDocument> documents, CancellationToken cancellationToken = default);

    /// <summary>The spec's <c>add_document</c>: adds (or replaces, by id) one document and returns its id.</summary>
    Task<string> AddDocumentAsync(KnowledgeDocument document, CancellationToken cancellationToken = default);

    /// <summary>Adds an admin document from content and metadata, with a new id (<c>admin:{uuid}</c>).</summary>
    Task<string> AddDocumentAsync(string title, string markdown, string? language = null, string? topic = null,
        IReadOnlyList<string>? tags = null, CancellationToken cancellationToken = default);

    /// <summary>Removes a document and its passages; false when it was not indexed.</summary>
    Task<bool> RemoveDocumentAsync(string documentId, CancellationToken cancellationToken = default);

    /// <summary>Number of documents and passages currently searchable.</summary>
    (int Documents, int Chunks) Count { get; }
}
