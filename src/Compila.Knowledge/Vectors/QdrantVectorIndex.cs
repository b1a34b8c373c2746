using System.Security.Cryptography;
using System.Text;
using Qdrant.Client;
using Qdrant.Client.Grpc;
using static Qdrant.Client.Grpc.Conditions;

namespace Compila.Knowledge;

/// <summary>
/// Vectors in a Qdrant collection (cosine distance). Point ids are UUIDs derived from the chunk ids; the payload
/// carries <c>document_id</c>, <c>chunk_id</c>, <c>content_hash</c>, <c>language</c> and <c>topic</c>, which the
/// filters and the re-embedding check read. The collection is created on first use.
/// </summary>
public sealed class QdrantVectorIndex(QdrantClient client, string collection, int dimensions, bool ownsClient = false) : IVectorIndex, IDisposable
{
    readonly SemaphoreSlim ensure = new(1, 1);
    bool ready;

    public async Task<IReadOnlyDictionary<string, string>> GetDocumentHashesAsync(CancellationToken cancellationToken = default)
    {
        await EnsureCollectionAsync(cancellationToken).ConfigureAwait(false);
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        PointId? offset = null;
        var payload = new WithPayloadSelector { Include = new PayloadIncludeSelector { Fields = { "document_id", "content_hash" } } };
        do
        {
            var page = await client.ScrollAsync(collection, filter: null, limit: 256, offset: offset, payloadSelector: payload,
                cancellationToken: cancellationToken).ConfigureAwait(false);
            foreach (var point in page.Result)
                hashes[point.Payload["document_id"].StringValue] = point.Payload["content_hash"].StringValue;
            offset = page.NextPageOffset;
        }
        while (offset is not null);
        return hashes;
    }

    public async Task UpsertDocumentAsync(string documentId, string contentHash, IReadOnlyList<ChunkVector> chunks, CancellationToken cancellationToken = default)
    {
        await DeleteDocumentAsync(documentId, cancellationToken).ConfigureAwait(false);
        if (chunks.Count == 0)
            return;
        var points = chunks.Select(chunk =>
        {
            var point = new PointStruct { Id = PointIdOf(chunk.ChunkId), Vectors = chunk.Vector };
            point.Payload["document_id"] = documentId;
            point.Payload["chunk_id"] = chunk.ChunkId;
            point.Payload["content_hash"] = contentHash;
            point.Payload["language"] = chunk.Language;
            point.Payload["topic"] = chunk.Topic ?? string.Empty;
            return point;
        }).ToList();
        await client.UpsertAsync(collection, points, wait: true, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public async Task DeleteDocumentAsync(string documentId, CancellationToken cancellationToken = default)
    {
        await EnsureCollectionAsync(cancellationToken).ConfigureAwait(false);
        await client.DeleteAsync(collection, MatchKeyword("document_id", documentId), wait: true, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<VectorMatch>> SearchAsync(float[] query, int limit, SearchFilters? filters, CancellationToken cancellationToken = default)
    {
        await EnsureCollectionAsync(cancellationToken).ConfigureAwait(false);
        var hits = await client.QueryAsync(collection, query: query, filter: FilterOf(filters), limit: (ulong)limit,
            payloadSelector: new WithPayloadSelector { Include = new PayloadIncludeSelector { Fields = { "chunk_id" } } },
            cancellationToken: cancellationToken).ConfigureAwait(false);
        return hits.Select(h => new VectorMatch(h.Payload["chunk_id"].StringValue, h.Score)).ToList();
    }

    public Task FlushAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public void Dispose()
    {
        ensure.Dispose();
        if (ownsClient)
            client.Dispose();
    }

    internal static Filter? FilterOf(SearchFilters? filters)
    {
        if (filters is null || (filters.Language is null && filters.Topic is null))
            return null;
        var filter = new Filter();
        if (filters.Language is not null)
        {
            var language = KnowledgeLanguages.Normalize(filters.Language);
            filter.Must.Add(filters.IncludeGeneral
                ? Match("language", new[] { language, KnowledgeLanguages.General })
                : MatchKeyword("language", language));
        }
        if (filters.Topic is not null)
            filter.Must.Add(MatchKeyword("topic", filters.Topic.ToLowerInvariant()));
        return filter;
    }

    /// <summary>Qdrant accepts only integers and UUIDs as point ids: a name-based UUID of the chunk id.</summary>
    internal static PointId PointIdOf(string chunkId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(chunkId));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    async Task EnsureCollectionAsync(CancellationToken cancellationToken)
    {
        if (ready)
            return;
        await ensure.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (ready)
                return;
            if (!await client.CollectionExistsAsync(collection, cancellationToken).ConfigureAwait(false))
            {
                await client.CreateCollectionAsync(collection, new VectorParams { Size = (ulong)dimensions, Distance = Distance.Cosine },
                    cancellationToken: cancellationToken).ConfigureAwait(false);
                await client.CreatePayloadIndexAsync(collection, "document_id", cancellationToken: cancellationToken).ConfigureAwait(false);
                await client.CreatePayloadIndexAsync(collection, "language", cancellationToken: cancellationToken).ConfigureAwait(false);
                await client.CreatePayloadIndexAsync(collection, "topic", cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            ready = true;
        }
        finally
        {
            ensure.Release();
        }
    }
}
