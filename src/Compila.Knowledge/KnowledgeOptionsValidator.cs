using System.Globalization;
using Microsoft.Extensions.Options;

namespace Compila.Knowledge;

/// <summary>The rules of <see cref="KnowledgeOptions"/>, checked when the options are first built (and at host start-up).</summary>
internal sealed class KnowledgeOptionsValidator : IValidateOptions<KnowledgeOptions>
{
    public ValidateOptionsResult Validate(string? name, KnowledgeOptions options)
    {
        var failures = new List<string>();
        if (options.VectorBackend == VectorBackend.Qdrant && !Uri.TryCreate(options.Qdrant.Url, UriKind.Absolute, out _))
        {
            failures.Add("Knowledge:Qdrant:Url must be an absolute URL when the vector backend is Qdrant.");
        }

        AtLeast(failures, "EmbeddingMaxWords", options.EmbeddingMaxWords, 1);
        AtLeast(failures, "EmbeddingBatchSize", options.EmbeddingBatchSize, 1);
        AtLeast(failures, "EmbeddingThreads", options.EmbeddingThreads, 0);
        AtLeast(failures, "RrfK", options.RrfK, 0);
        AtLeast(failures, "CandidatePool", options.CandidatePool, 1);
        AtLeast(failures, "MaxHitsPerDocument", options.MaxHitsPerDocument, 1);
        AtLeast(failures, "Chunking:MaxWords", options.Chunking.MaxWords, 1);
        if (options.Chunking.OverlapWords < 0 || options.Chunking.OverlapWords >= options.Chunking.MaxWords)
        {
            failures.Add("Knowledge:Chunking:OverlapWords must be at least 0 and less than Knowledge:Chunking:MaxWords.");
        }

        if (options.KeywordWeight < 0 || options.VectorWeight < 0)
        {
            failures.Add("Knowledge:KeywordWeight and Knowledge:VectorWeight must not be negative.");
        }

        if (options.KeywordScoreThreshold is < 0 or > 1)
        {
            failures.Add("Knowledge:KeywordScoreThreshold must be between 0 and 1.");
        }

        if (options.VectorScoreThreshold is < -1 or > 1 || options.UnsupportedVectorScoreThreshold is < -1 or > 1)
        {
            failures.Add("Knowledge:VectorScoreThreshold and Knowledge:UnsupportedVectorScoreThreshold are cosines, between -1 and 1.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    static void AtLeast(List<string> failures, string key, int value, int minimum)
    {
        if (value < minimum)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"Knowledge:{key} must be at least {minimum} (it is {value})."));
        }
    }
}
