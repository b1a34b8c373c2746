using System.Diagnostics;
using System.Globalization;
using Compila.Knowledge;
using Compila.Knowledge.Bench;
using Microsoft.Extensions.Options;

// Retrieval evaluation (recall@5, MRR@10 per mode) and timings (indexing, search latency) for the tutor's knowledge base.
// Usage: dotnet run -c Release --project bench/Compila.Knowledge.Bench [-- --sweep [--sweep-chunks]]
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var root = Repository.FindRoot();
var documents = KnowledgeDocumentLoader.LoadDirectory(Path.Combine(root, "content", "docs"));
var questions = EvaluationSet.Load(Path.Combine(root, "content", "docs-eval", "questions.yaml"));
var unknown = questions.Where(q => documents.All(d => d.Id != q.Answer)).Select(q => q.Answer).Distinct().ToList();
if (unknown.Count > 0)
    throw new InvalidDataException("Evaluation answers with no article: " + string.Join(", ", unknown));

Console.WriteLine($"# Knowledge base bench — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
Console.WriteLine($"load average at start: {LoadAverage()} (the 2 cores are shared with other builds)");
Console.WriteLine($"{documents.Count} articles, {documents.Sum(d => d.Markdown.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length)} words; {questions.Count} questions");

var indexDirectory = Path.Combine(Path.GetTempPath(), "compila-knowledge-bench-" + Guid.NewGuid().ToString("N"));
using var embedder = new MiniLmEmbedder();
try
{
    var options = new KnowledgeOptions { IndexDirectory = indexDirectory };

    var clock = Stopwatch.StartNew();
    embedder.Embed(["carregar o modelo"]);
    var modelLoad = clock.Elapsed;

    using var knowledge = new KnowledgeBase(Options.Create(options), embedder, new LocalVectorIndex(indexDirectory));
    clock.Restart();
    var report = await knowledge.IndexAsync(documents);
    var indexTime = clock.Elapsed;

    using var reopened = new KnowledgeBase(Options.Create(options), embedder, new LocalVectorIndex(indexDirectory));
    clock.Restart();
    var again = await reopened.IndexAsync(documents);
    var reindexTime = clock.Elapsed;

    Console.WriteLine();
    Console.WriteLine("## Indexing");
    Console.WriteLine($"- model load (first embedding): {modelLoad.TotalSeconds:F2} s");
    Console.WriteLine($"- full index, {report.Documents} documents → {report.Chunks} passages embedded: {indexTime.TotalSeconds:F2} s ({indexTime.TotalMilliseconds / report.ChunksEmbedded:F0} ms/passage)");
    Console.WriteLine($"- re-index after restart, nothing changed: {reindexTime.TotalSeconds:F2} s ({again.Embedded} embedded, {again.Unchanged} unchanged)");

    Console.WriteLine();
    Console.WriteLine("## Retrieval quality (limit 10, distinct documents; recall@5 and MRR@10)");
    Console.WriteLine("| mode | recall@5 all | MRR all | recall@5 held-out half | MRR held-out half | no hit |");
    Console.WriteLine("|---|---|---|---|---|---|");
    var heldOut = questions.Where((_, i) => i % 2 == 1).ToList();
    foreach (var mode in new[] { SearchMode.Keyword, SearchMode.Vector, SearchMode.Hybrid })
    {
        var (recall, mrr, empty) = await Evaluate(reopened, questions, mode);
        var held = await Evaluate(reopened, heldOut, mode);
        Console.WriteLine($"| {mode.ToString().ToLowerInvariant()} | {recall:F3} | {mrr:F3} | {held.Recall:F3} | {held.Mrr:F3} | {empty} |");
    }

    // Modes interleaved per question, three passes: a burst of load from the shared machine hits every mode alike.
    const int Passes = 3;
    var latencies = new Dictionary<SearchMode, List<double>> { [SearchMode.Keyword] = [], [SearchMode.Vector] = [], [SearchMode.Hybrid] = [] };
    for (var pass = 0; pass < Passes; pass++)
    {
        foreach (var question in questions)
        {
            foreach (var mode in latencies.Keys)
            {
                var started = Stopwatch.GetTimestamp();
                await reopened.SearchAsync(question.Question, limit: 10, mode: mode);
                latencies[mode].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }
    }

    Console.WriteLine();
    Console.WriteLine($"## Search latency: {Passes} passes over the {questions.Count} questions, modes interleaved per question (limit 10, after warm-up)");
    Console.WriteLine("| mode | p50 ms | p95 ms | max ms |");
    Console.WriteLine("|---|---|---|---|");
    foreach (var (mode, times) in latencies)
        Console.WriteLine($"| {mode.ToString().ToLowerInvariant()} | {Percentile(times, 50):F2} | {Percentile(times, 95):F2} | {times.Max():F2} |");
    Console.WriteLine($"load average at the end: {LoadAverage()}");
    Console.WriteLine($"Baseline ratio: hybrid p95 / keyword p95 = {Percentile(latencies[SearchMode.Hybrid], 95) / Percentile(latencies[SearchMode.Keyword], 95):F1}x (the difference is the query embedding)");

    await Thresholds(reopened, options, questions);

    if (args.Contains("--sweep"))
        await Sweep(documents, questions, embedder, args.Contains("--sweep-chunks"));
}
finally
{
    if (Directory.Exists(indexDirectory))
        Directory.Delete(indexDirectory, recursive: true);
}

static async Task<(double Recall, double Mrr, int Empty)> Evaluate(IKnowledgeBase knowledge, IReadOnlyList<EvaluationQuestion> questions, SearchMode mode)
{
    foreach (var warmup in new[] { "aquecimento da busca", "listas e laços" })
        await knowledge.SearchAsync(warmup, limit: 10, mode: mode);
    var found = 0;
    var reciprocal = 0.0;
    var empty = 0;
    foreach (var question in questions)
    {
        var hits = await knowledge.SearchAsync(question.Question, limit: 10, mode: mode);
        if (hits.Count == 0)
            empty++;
        var rank = hits.Select(h => h.DocumentId).Distinct().ToList().IndexOf(question.Answer) + 1;
        if (rank is >= 1 and <= 5)
            found++;
        if (rank >= 1)
            reciprocal += 1.0 / rank;
    }
    return ((double)found / questions.Count, reciprocal / questions.Count, empty);
}

static double Percentile(List<double> values, int percentile)
{
    var sorted = values.Order().ToList();
    var index = (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1;
    return sorted[Math.Clamp(index, 0, sorted.Count - 1)];
}

static async Task Thresholds(IKnowledgeBase knowledge, KnowledgeOptions options, IReadOnlyList<EvaluationQuestion> questions)
{
    string[] offTopic =
    [
        "receita de bolo de cenoura com cobertura de chocolate",
        "qual é a capital da França",
        "quem ganhou a copa do mundo de 2002",
        "como plantar tomate na varanda",
        "melhor horário para ir à praia em Salvador",
    ];
    var (vectorThreshold, keywordThreshold, unsupported) = (options.VectorScoreThreshold, options.KeywordScoreThreshold, options.UnsupportedVectorScoreThreshold);
    options.VectorScoreThreshold = double.MinValue;
    options.KeywordScoreThreshold = 0;
    var answerCosines = new List<double>();
    foreach (var question in questions)
    {
        var hits = await knowledge.SearchAsync(question.Question, limit: 45, mode: SearchMode.Vector);
        var answer = hits.FirstOrDefault(h => h.DocumentId == question.Answer);
        if (answer?.VectorScore is { } cosine)
            answerCosines.Add(cosine);
    }
    var offTopicCosines = new List<double>();
    foreach (var query in offTopic)
        offTopicCosines.Add((await knowledge.SearchAsync(query, limit: 1, mode: SearchMode.Vector))[0].VectorScore ?? 0);
    options.VectorScoreThreshold = vectorThreshold;
    options.KeywordScoreThreshold = keywordThreshold;
    var offTopicHits = new List<int>();
    foreach (var query in offTopic)
        offTopicHits.Add((await knowledge.SearchAsync(query, limit: 5)).Count);

    Console.WriteLine();
    Console.WriteLine("## Score thresholds");
    Console.WriteLine($"- cosine of the answering article's best passage over the {answerCosines.Count} questions: p5 {Percentile(answerCosines, 5):F2}, p10 {Percentile(answerCosines, 10):F2}, median {Percentile(answerCosines, 50):F2}");
    Console.WriteLine($"- best cosine of {offTopic.Length} off-topic questions: {string.Join(", ", offTopicCosines.Select(c => c.ToString("F2")))}");
    Console.WriteLine($"- hybrid hits (limit 5) for each off-topic question with the configured thresholds (cosine {vectorThreshold}, keyword coverage {keywordThreshold}, cosine without keyword support {unsupported}): {string.Join(", ", offTopicHits)}");
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

static async Task Sweep(IReadOnlyList<KnowledgeDocument> documents, IReadOnlyList<EvaluationQuestion> questions, ITextEmbedder embedder, bool chunkSweep)
{
    // Tuning uses only the even-numbered questions (the dev half); the odd half stays held out for the report.
    var dev = questions.Where((_, i) => i % 2 == 0).ToList();
    Console.WriteLine();
    Console.WriteLine($"## Parameter sweep on the dev half ({dev.Count} questions)");
    Console.WriteLine("| chunk words | embed words | RRF k | keyword w | vector w | unsupported cosine | keyword R@5 / MRR | vector R@5 / MRR | hybrid R@5 / MRR |");
    Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
    var cached = new CachingEmbedder(embedder);
    foreach (var (chunkWords, embedWords) in chunkSweep ? new[] { (160, 32), (160, 48), (100, 32) } : new[] { (160, 32) })
    {
        var options = new KnowledgeOptions { Chunking = new ChunkingOptions { MaxWords = chunkWords }, EmbeddingMaxWords = embedWords };
        using var knowledge = new KnowledgeBase(Options.Create(options), cached, new LocalVectorIndex(null));
        await knowledge.IndexAsync(documents);
        var keyword = await Evaluate(knowledge, dev, SearchMode.Keyword);
        var vector = await Evaluate(knowledge, dev, SearchMode.Vector);
        foreach (var (k, kw, vw, unsupported) in new[] { (60, 1.0, 1.0, 0.0), (10, 1.0, 1.0, 0.0), (60, 1.0, 0.5, 0.0), (10, 1.0, 0.5, 0.0), (5, 1.0, 0.5, 0.0), (2, 1.0, 0.5, 0.0), (5, 1.0, 0.3, 0.0), (2, 1.0, 0.3, 0.0), (5, 1.0, 0.5, 0.4), (5, 1.0, 0.5, 0.45), (5, 1.0, 0.5, 0.5), (5, 1.0, 0.5, 0.55) })
        {
            options.UnsupportedVectorScoreThreshold = unsupported;
            options.RrfK = k;
            options.KeywordWeight = kw;
            options.VectorWeight = vw;
            var hybrid = await Evaluate(knowledge, dev, SearchMode.Hybrid);
            Console.WriteLine($"| {chunkWords} | {embedWords} | {k} | {kw} | {vw} | {unsupported} | {keyword.Recall:F3} / {keyword.Mrr:F3} | {vector.Recall:F3} / {vector.Mrr:F3} | {hybrid.Recall:F3} / {hybrid.Mrr:F3} |");
        }
    }
}
