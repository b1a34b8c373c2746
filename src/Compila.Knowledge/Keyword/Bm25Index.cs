namespace Compila.Knowledge;

/// <summary>
/// Okapi BM25 over the chunks (title and heading counted with the body, title and heading twice), built once per
/// index snapshot and read without locks.
/// </summary>
internal sealed class Bm25Index
{
    readonly Dictionary<string, List<(int Chunk, int Frequency)>> postings = new(StringComparer.Ordinal);
    readonly int[] lengths;
    readonly double averageLength;
    readonly double k1;
    readonly double b;

    public Bm25Index(IReadOnlyList<KnowledgeChunk> chunks, double k1 = 1.2, double b = 0.75)
    {
        this.k1 = k1;
        this.b = b;
        lengths = new int[chunks.Count];
        for (var i = 0; i < chunks.Count; i++)
        {
            var terms = TextNormalizer.Terms(IndexedText(chunks[i]));
            lengths[i] = terms.Count;
            foreach (var group in terms.GroupBy(t => t, StringComparer.Ordinal))
            {
                if (!postings.TryGetValue(group.Key, out var list))
                    postings[group.Key] = list = [];
                list.Add((i, group.Count()));
            }
        }
        averageLength = chunks.Count == 0 ? 1 : Math.Max(1, lengths.Average());
    }

    public int Count => lengths.Length;

    internal static string IndexedText(KnowledgeChunk chunk) =>
        $"{chunk.Title}\n{chunk.Title}\n{chunk.Heading}\n{chunk.Heading}\n{chunk.Text}";

    double Idf(int documentFrequency) =>
        Math.Log(1 + (lengths.Length - documentFrequency + 0.5) / (documentFrequency + 0.5));

    /// <summary>
    /// Scores chunks accepted by <paramref name="accept"/>. Coverage is the share of the query's IDF mass the chunk
    /// matches (0..1), which is what the keyword score threshold is compared with.
    /// </summary>
    public List<KeywordMatch> Search(string query, int limit, Func<int, bool> accept)
    {
        var queryTerms = TextNormalizer.Terms(query).Distinct(StringComparer.Ordinal).ToList();
        if (queryTerms.Count == 0 || lengths.Length == 0)
            return [];
        var scores = new Dictionary<int, (double Score, double Matched)>();
        double totalIdf = 0;
        foreach (var term in queryTerms)
        {
            if (!postings.TryGetValue(term, out var termPostings))
            {
                // An unknown term still counts in the query's mass, as the rarest possible term.
                totalIdf += Idf(0);
                continue;
            }
            var idf = Idf(termPostings.Count);
            totalIdf += idf;
            foreach (var (chunk, frequency) in termPostings)
            {
                if (!accept(chunk))
                    continue;
                var norm = k1 * (1 - b + b * lengths[chunk] / averageLength);
                var termScore = idf * frequency * (k1 + 1) / (frequency + norm);
                scores.TryGetValue(chunk, out var current);
                scores[chunk] = (current.Score + termScore, current.Matched + idf);
            }
        }
        return scores
            .OrderByDescending(p => p.Value.Score)
            .ThenBy(p => p.Key)
            .Take(limit)
            .Select(p => new KeywordMatch(p.Key, p.Value.Score, totalIdf > 0 ? p.Value.Matched / totalIdf : 0))
            .ToList();
    }
}

internal readonly record struct KeywordMatch(int Chunk, double Score, double Coverage);
