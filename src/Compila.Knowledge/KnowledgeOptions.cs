namespace Compila.Knowledge;

public enum VectorBackend
{
    /// <summary>In-process exact cosine index persisted in <see cref="KnowledgeOptions.IndexDirectory"/>.</summary>
    Local,
    /// <summary>A Qdrant server (<see cref="KnowledgeOptions.Qdrant"/>).</summary>
    Qdrant,
    /// <summary>No vectors: every search is keyword-only and the model is never loaded (tests, very small machines).</summary>
    None,
}

/// <summary>Configuration of the knowledge base (section <c>Knowledge</c> in the host's settings, by convention).</summary>
public sealed class KnowledgeOptions
{
    /// <summary>
    /// Folder for the persisted index (<c>catalog.json</c>, and <c>vectors.bin</c> with the local backend), e.g.
    /// <c>{data}/knowledge</c>. Null keeps everything in memory (tests).
    /// </summary>
    public string? IndexDirectory { get; set; }

    public VectorBackend VectorBackend { get; set; } = VectorBackend.Local;

    public QdrantOptions Qdrant { get; set; } = new();

    public ChunkingOptions Chunking { get; set; } = new();

    /// <summary>
    /// Words of a passage given to the embedder, after its title and heading. all-MiniLM-L6-v2 was trained on
    /// 128-token inputs and Portuguese takes about two word pieces a word, so longer inputs cost time and, on the
    /// evaluation set's tuning half, did not help (80 and 48 words ranked worse than 32).
    /// </summary>
    public int EmbeddingMaxWords { get; set; } = 32;

    public int EmbeddingBatchSize { get; set; } = 8;

    /// <summary>ONNX Runtime threads for the embedder; 0 uses one per processor.</summary>
    public int EmbeddingThreads { get; set; }

    /// <summary>
    /// The k of reciprocal rank fusion: score = Σ weight / (k + rank). The literature's 60 flattens the top ranks;
    /// 5 was best on the evaluation set's tuning half (docs/benchmarks.md).
    /// </summary>
    public int RrfK { get; set; } = 5;

    public double KeywordWeight { get; set; } = 1.0;

    /// <summary>MiniLM is an English model and ranks Portuguese less sharply than BM25, so its vote counts half.</summary>
    public double VectorWeight { get; set; } = 0.5;

    /// <summary>Candidates taken from each ranking before fusion.</summary>
    public int CandidatePool { get; set; } = 50;

    /// <summary>
    /// The spec's score threshold, applied to cosine similarity. The spec's 0.7 was meant for English text; MiniLM
    /// scores Portuguese lower, so the default is set from the evaluation set (docs/benchmarks.md).
    /// </summary>
    public double VectorScoreThreshold { get; set; } = 0.3;

    /// <summary>
    /// In hybrid mode, the cosine a passage needs when no passage of its document matched the query's keywords.
    /// Off-topic questions reach 0.3–0.5 with MiniLM on Portuguese; answers found by meaning alone score higher.
    /// </summary>
    public double UnsupportedVectorScoreThreshold { get; set; } = 0.5;

    /// <summary>
    /// Minimum share of the query's IDF mass a passage must match to count as keyword evidence (0..1).
    /// </summary>
    public double KeywordScoreThreshold { get; set; } = 0.2;

    /// <summary>Passages of one document allowed in a result list; 1 gives one hit per document.</summary>
    public int MaxHitsPerDocument { get; set; } = 1;
}

public sealed class QdrantOptions
{
    /// <summary>gRPC endpoint, e.g. <c>http://localhost:6334</c>.</summary>
    public string? Url { get; set; }

    public string? ApiKey { get; set; }

    public string Collection { get; set; } = "compila_docs";
}
