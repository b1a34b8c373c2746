using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Compila.Knowledge;

/// <summary>
/// Default <see cref="IKnowledgeBase"/>: passages and their BM25 index live in an immutable snapshot swapped after
/// each write; vectors live in the configured <see cref="IVectorIndex"/>. The passage catalogue is persisted as
/// <c>catalog.json</c> in <see cref="KnowledgeOptions.IndexDirectory"/> so a restarted host can search before it re-indexes.
/// </summary>
public sealed class KnowledgeBase : IKnowledgeBase, IDisposable
{
    const string CatalogFile = "catalog.json";
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    readonly KnowledgeOptions options;
    readonly ITextEmbedder embedder;
    readonly IVectorIndex vectors;
    readonly ILogger logger;
    readonly MarkdownChunker chunker;
    readonly SemaphoreSlim write = new(1, 1);
    volatile State state;

    public KnowledgeBase(IOptions<KnowledgeOptions> options, ITextEmbedder embedder, IVectorIndex vectors, ILogger<KnowledgeBase>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;
        this.embedder = embedder;
        this.vectors = vectors;
        this.logger = logger ?? (ILogger)NullLogger.Instance;
        chunker = new MarkdownChunker(this.options.Chunking);
        state = State.Create(LoadCatalog());
    }

    public (int Documents, int Chunks) Count => (state.Documents.Count, state.Chunks.Length);

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string query, SearchFilters? filters = null, int limit = 5,
        SearchMode mode = SearchMode.Hybrid, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        if (string.IsNullOrWhiteSpace(query))
            return [];
        if (options.VectorBackend == VectorBackend.None)
            mode = SearchMode.Keyword;
        var state = this.state;
        if (state.Chunks.Length == 0)
            return [];
        var pool = Math.Max(options.CandidatePool, limit * Math.Max(1, options.MaxHitsPerDocument) * 4);

        var keyword = new List<(int Chunk, double Coverage)>();
        if (mode != SearchMode.Vector)
        {
            foreach (var match in state.Keywords.Search(query, pool, i => filters is null || filters.Accepts(state.Chunks[i].Language, state.Chunks[i].Topic)))
            {
                if (match.Coverage >= options.KeywordScoreThreshold)
                    keyword.Add((match.Chunk, match.Coverage));
            }
        }

        var vector = new List<(int Chunk, double Cosine)>();
        if (mode != SearchMode.Keyword)
        {
            var embedding = embedder.Embed([query], cancellationToken)[0];
            foreach (var match in await vectors.SearchAsync(embedding, pool, filters, cancellationToken).ConfigureAwait(false))
            {
                if (match.Score >= options.VectorScoreThreshold && state.ChunkIndex.TryGetValue(match.ChunkId, out var index))
                    vector.Add((index, match.Score));
            }
        }

        var keywordRanking = keyword.Select(m => m.Chunk).ToList();
        var vectorRanking = vector.Select(m => m.Chunk).ToList();
        var keywordScores = keyword.ToDictionary(m => m.Chunk, m => m.Coverage);
        var vectorScores = vector.ToDictionary(m => m.Chunk, m => m.Cosine);
        var fused = ReciprocalRankFusion.Fuse(options.RrfK, (keywordRanking, options.KeywordWeight), (vectorRanking, options.VectorWeight));
        var maxFused = ReciprocalRankFusion.Maximum(options.RrfK,
            mode == SearchMode.Vector ? 0 : options.KeywordWeight,
            mode == SearchMode.Keyword ? 0 : options.VectorWeight);
        // In hybrid mode a passage whose document the keywords did not find needs a stronger cosine: MiniLM gives
        // any Portuguese sentence 0.3–0.5 against our passages, so that alone is no evidence of relevance. The
        // filter runs after fusion, so it removes such passages without reshuffling the ranks of the others.
        var supported = keyword.Select(m => state.Chunks[m.Chunk].DocumentId).ToHashSet(StringComparer.Ordinal);
        bool Unsupported(int chunk) => mode == SearchMode.Hybrid
            && !supported.Contains(state.Chunks[chunk].DocumentId)
            && vectorScores.GetValueOrDefault(chunk) < options.UnsupportedVectorScoreThreshold;

        var perDocument = new Dictionary<string, int>(StringComparer.Ordinal);
        var hits = new List<SearchHit>(limit);
        foreach (var (index, fusedScore) in fused.OrderByDescending(p => p.Value).ThenBy(p => p.Key))
        {
            if (Unsupported(index))
                continue;
            var chunk = state.Chunks[index];
            double? keywordScore = keywordScores.TryGetValue(index, out var k) ? k : null;
            double? vectorScore = vectorScores.TryGetValue(index, out var v) ? v : null;
            var seen = perDocument.GetValueOrDefault(chunk.DocumentId);
            if (seen >= Math.Max(1, options.MaxHitsPerDocument))
                continue;
            perDocument[chunk.DocumentId] = seen + 1;
            var score = mode switch
            {
                SearchMode.Keyword => keywordScore ?? 0,
                SearchMode.Vector => vectorScore ?? 0,
                _ => maxFused > 0 ? fusedScore / maxFused : 0,
            };
            hits.Add(new SearchHit(chunk.DocumentId, chunk.ChunkId, chunk.Title, chunk.Heading, chunk.Text, Snippets.Of(chunk.Text),
                Math.Round(score, 4), chunk.Language, chunk.Topic, chunk.Url, chunk.Anchor, chunk.Source)
            {
                VectorScore = vectorScore,
                KeywordScore = keywordScore,
            });
            if (hits.Count == limit)
                break;
        }
        return hits;
    }

    public async Task<IndexReport> IndexAsync(IEnumerable<KnowledgeDocument> documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var batch = documents.ToList();
        var duplicate = batch.GroupBy(d => d.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"Document id '{duplicate.Key}' appears twice.", nameof(documents));
        var sources = batch.Select(d => d.Source).ToHashSet();
        return await WriteAsync(batch, removeStaleOf: sources, cancellationToken).ConfigureAwait(false);
    }

    public async Task<string> AddDocumentAsync(KnowledgeDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        await WriteAsync([document], removeStaleOf: [], cancellationToken).ConfigureAwait(false);
        return document.Id;
    }

    public Task<string> AddDocumentAsync(string title, string markdown, string? language = null, string? topic = null,
        IReadOnlyList<string>? tags = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(markdown);
        var id = "admin:" + Guid.CreateVersion7().ToString("N");
        return AddDocumentAsync(new KnowledgeDocument(id, title.Trim(), markdown)
        {
            Language = KnowledgeLanguages.Normalize(language),
            Topic = string.IsNullOrWhiteSpace(topic) ? null : topic.Trim().ToLowerInvariant(),
            Tags = tags ?? [],
            Source = DocumentSource.Admin,
        }, cancellationToken);
    }

    public async Task<bool> RemoveDocumentAsync(string documentId, CancellationToken cancellationToken = default)
    {
        await write.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var documents = new Dictionary<string, DocumentEntry>(state.Documents, StringComparer.Ordinal);
            if (!documents.Remove(documentId))
                return false;
            await vectors.DeleteDocumentAsync(documentId, cancellationToken).ConfigureAwait(false);
            await PublishAsync(documents, cancellationToken).ConfigureAwait(false);
            return true;
        }
        finally
        {
            write.Release();
        }
    }

    async Task<IndexReport> WriteAsync(List<KnowledgeDocument> batch, HashSet<DocumentSource> removeStaleOf, CancellationToken cancellationToken)
    {
        await write.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var vectorsEnabled = options.VectorBackend != VectorBackend.None;
            var stored = vectorsEnabled
                ? await vectors.GetDocumentHashesAsync(cancellationToken).ConfigureAwait(false)
                : new Dictionary<string, string>();
            var documents = new Dictionary<string, DocumentEntry>(state.Documents, StringComparer.Ordinal);
            var ids = batch.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
            var stale = documents.Values.Where(d => removeStaleOf.Contains(d.Source) && !ids.Contains(d.Id)).Select(d => d.Id).ToList();
            foreach (var id in stale)
            {
                if (vectorsEnabled)
                    await vectors.DeleteDocumentAsync(id, cancellationToken).ConfigureAwait(false);
                documents.Remove(id);
            }

            var toEmbed = new List<(KnowledgeDocument Document, string Hash, IReadOnlyList<KnowledgeChunk> Chunks)>();
            var unchanged = 0;
            foreach (var document in batch)
            {
                var hash = ContentHash(document);
                var chunks = chunker.Chunk(document);
                documents[document.Id] = new DocumentEntry(document.Id, hash, document.Source, chunks);
                if (!vectorsEnabled || (stored.TryGetValue(document.Id, out var storedHash) && storedHash == hash))
                    unchanged++;
                else
                    toEmbed.Add((document, hash, chunks));
            }

            var texts = toEmbed.SelectMany(d => d.Chunks).Select(EmbeddingText).ToList();
            var embeddings = texts.Count == 0 ? [] : embedder.Embed(texts, cancellationToken);
            var next = 0;
            foreach (var (document, hash, chunks) in toEmbed)
            {
                var records = chunks.Select(c => new ChunkVector(c.ChunkId, embeddings[next++], c.Language, c.Topic)).ToList();
                await vectors.UpsertDocumentAsync(document.Id, hash, records, cancellationToken).ConfigureAwait(false);
            }
            await vectors.FlushAsync(cancellationToken).ConfigureAwait(false);
            await PublishAsync(documents, cancellationToken).ConfigureAwait(false);
            var report = new IndexReport(batch.Count, toEmbed.Count, unchanged, stale.Count, texts.Count, state.Chunks.Length);
            logger.LogInformation("Knowledge base indexed {Documents} documents: {Embedded} embedded, {Unchanged} unchanged, {Removed} removed, {Chunks} passages",
                report.Documents, report.Embedded, report.Unchanged, report.Removed, report.Chunks);
            return report;
        }
        finally
        {
            write.Release();
        }
    }

    /// <summary>What the embedder sees: title, heading path and the start of the passage.</summary>
    internal string EmbeddingText(KnowledgeChunk chunk)
    {
        var words = chunk.Text.Split((char[]?)null, options.EmbeddingMaxWords + 1, StringSplitOptions.RemoveEmptyEntries);
        var body = string.Join(' ', words.Take(options.EmbeddingMaxWords));
        return chunk.Heading.Length == 0 ? $"{chunk.Title}. {body}" : $"{chunk.Title}. {chunk.Heading}. {body}";
    }

    /// <summary>Hash of everything that shapes a document's vectors: its content, the chunking and the model.</summary>
    internal string ContentHash(KnowledgeDocument document)
    {
        var fingerprint = string.Join('\u001f',
            embedder.ModelId, options.Chunking.Fingerprint, options.EmbeddingMaxWords.ToString(CultureInfo.InvariantCulture),
            document.Title, document.Language, document.Topic ?? string.Empty, document.Url ?? string.Empty, document.Source.ToString(),
            string.Join(',', document.Tags), document.Markdown);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(fingerprint)));
    }

    async Task PublishAsync(Dictionary<string, DocumentEntry> documents, CancellationToken cancellationToken)
    {
        state = State.Create(documents.Values);
        if (options.IndexDirectory is null)
            return;
        Directory.CreateDirectory(options.IndexDirectory);
        var path = Path.Combine(options.IndexDirectory, CatalogFile);
        var temporary = path + ".tmp";
        await using (var stream = File.Create(temporary))
            await JsonSerializer.SerializeAsync(stream, documents.Values.OrderBy(d => d.Id, StringComparer.Ordinal).ToList(), Json, cancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
    }

    List<DocumentEntry> LoadCatalog()
    {
        if (options.IndexDirectory is null)
            return [];
        var path = Path.Combine(options.IndexDirectory, CatalogFile);
        if (!File.Exists(path))
            return [];
        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize<List<DocumentEntry>>(stream, Json) ?? [];
        }
        catch (JsonException ex)
        {
            // A damaged catalogue is rebuilt by the next indexing run; searching an empty base until then is safe.
            logger.LogWarning(ex, "Ignoring unreadable knowledge catalogue {Path}", path);
            return [];
        }
    }

    public void Dispose() => write.Dispose();

    internal sealed record DocumentEntry(string Id, string Hash, DocumentSource Source, IReadOnlyList<KnowledgeChunk> Chunks);

    sealed class State
    {
        public required Dictionary<string, DocumentEntry> Documents { get; init; }
        public required KnowledgeChunk[] Chunks { get; init; }
        public required Dictionary<string, int> ChunkIndex { get; init; }
        public required Bm25Index Keywords { get; init; }

        public static State Create(IEnumerable<DocumentEntry> documents)
        {
            var byId = documents.ToDictionary(d => d.Id, StringComparer.Ordinal);
            var chunks = byId.Values.OrderBy(d => d.Id, StringComparer.Ordinal).SelectMany(d => d.Chunks).ToArray();
            var index = new Dictionary<string, int>(chunks.Length, StringComparer.Ordinal);
            for (var i = 0; i < chunks.Length; i++)
                index[chunks[i].ChunkId] = i;
            return new State { Documents = byId, Chunks = chunks, ChunkIndex = index, Keywords = new Bm25Index(chunks) };
        }
    }
}
