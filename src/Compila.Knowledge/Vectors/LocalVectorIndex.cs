using System.Numerics;
using System.Text;

namespace Compila.Knowledge;

/// <summary>
/// Exact cosine search over vectors held in memory and persisted as one file (<c>vectors.bin</c>) in the folder the
/// host gives. Writes replace the file atomically; searches read an immutable snapshot and never lock.
/// </summary>
public sealed class LocalVectorIndex : IVectorIndex
{
    const string FileName = "vectors.bin";
    const int FormatVersion = 1;

    readonly string? directory;
    readonly Lock gate = new();
    readonly Dictionary<string, (string Hash, IReadOnlyList<ChunkVector> Chunks)> documents = new(StringComparer.Ordinal);
    volatile ChunkVector[] snapshot = [];
    bool dirty;

    /// <param name="directory">Folder for <c>vectors.bin</c>; null keeps the index in memory only.</param>
    public LocalVectorIndex(string? directory)
    {
        this.directory = directory;
        if (directory is not null)
            Load(Path.Combine(directory, FileName));
    }

    public int Count => snapshot.Length;

    public Task<IReadOnlyDictionary<string, string>> GetDocumentHashesAsync(CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            IReadOnlyDictionary<string, string> hashes = documents.ToDictionary(d => d.Key, d => d.Value.Hash, StringComparer.Ordinal);
            return Task.FromResult(hashes);
        }
    }

    public Task UpsertDocumentAsync(string documentId, string contentHash, IReadOnlyList<ChunkVector> chunks, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            documents[documentId] = (contentHash, chunks.ToArray());
            Publish();
        }
        return Task.CompletedTask;
    }

    public Task DeleteDocumentAsync(string documentId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            if (documents.Remove(documentId))
                Publish();
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<VectorMatch>> SearchAsync(float[] query, int limit, SearchFilters? filters, CancellationToken cancellationToken = default)
    {
        var snapshot = this.snapshot;
        var best = new PriorityQueue<VectorMatch, float>(limit + 1);
        foreach (var chunk in snapshot)
        {
            if (filters is not null && !filters.Accepts(chunk.Language, chunk.Topic))
                continue;
            // Vectors are unit length, so the dot product is the cosine.
            var score = Dot(query, chunk.Vector);
            best.Enqueue(new VectorMatch(chunk.ChunkId, score), score);
            if (best.Count > limit)
                best.Dequeue();
        }
        var result = new VectorMatch[best.Count];
        for (var i = result.Length - 1; i >= 0; i--)
            result[i] = best.Dequeue();
        return Task.FromResult<IReadOnlyList<VectorMatch>>(result);
    }

    public Task FlushAsync(CancellationToken cancellationToken = default)
    {
        if (directory is null)
            return Task.CompletedTask;
        lock (gate)
        {
            if (!dirty)
                return Task.CompletedTask;
            Directory.CreateDirectory(directory);
            var path = Path.Combine(directory, FileName);
            var temporary = path + ".tmp";
            using (var stream = File.Create(temporary))
            using (var writer = new BinaryWriter(stream, Encoding.UTF8))
            {
                writer.Write(FormatVersion);
                writer.Write(documents.Count);
                foreach (var (id, (hash, chunks)) in documents)
                {
                    writer.Write(id);
                    writer.Write(hash);
                    writer.Write(chunks.Count);
                    foreach (var chunk in chunks)
                    {
                        writer.Write(chunk.ChunkId);
                        writer.Write(chunk.Language);
                        writer.Write(chunk.Topic ?? string.Empty);
                        writer.Write(chunk.Vector.Length);
                        foreach (var value in chunk.Vector)
                            writer.Write(value);
                    }
                }
            }
            File.Move(temporary, path, overwrite: true);
            dirty = false;
        }
        return Task.CompletedTask;
    }

    internal static float Dot(ReadOnlySpan<float> left, ReadOnlySpan<float> right)
    {
        var length = Math.Min(left.Length, right.Length);
        var sum = Vector<float>.Zero;
        var i = 0;
        for (; i <= length - Vector<float>.Count; i += Vector<float>.Count)
            sum += new Vector<float>(left[i..]) * new Vector<float>(right[i..]);
        var total = Vector.Sum(sum);
        for (; i < length; i++)
            total += left[i] * right[i];
        return total;
    }

    void Publish()
    {
        snapshot = documents.Values.SelectMany(d => d.Chunks).ToArray();
        dirty = true;
    }

    void Load(string path)
    {
        if (!File.Exists(path))
            return;
        using var stream = File.OpenRead(path);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        if (reader.ReadInt32() != FormatVersion)
            return; // An older format is rebuilt by the next indexing run.
        var documentCount = reader.ReadInt32();
        for (var d = 0; d < documentCount; d++)
        {
            var id = reader.ReadString();
            var hash = reader.ReadString();
            var count = reader.ReadInt32();
            var chunks = new ChunkVector[count];
            for (var c = 0; c < count; c++)
            {
                var chunkId = reader.ReadString();
                var language = reader.ReadString();
                var topic = reader.ReadString();
                var vector = new float[reader.ReadInt32()];
                for (var i = 0; i < vector.Length; i++)
                    vector[i] = reader.ReadSingle();
                chunks[c] = new ChunkVector(chunkId, vector, language, topic.Length == 0 ? null : topic);
            }
            documents[id] = (hash, chunks);
        }
        snapshot = documents.Values.SelectMany(d => d.Chunks).ToArray();
    }
}
