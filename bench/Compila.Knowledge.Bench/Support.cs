using System.Collections.Concurrent;
using Compila.Knowledge;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Compila.Knowledge.Bench;

internal sealed record EvaluationQuestion(string Question, string Answer);

internal static class EvaluationSet
{
    public static List<EvaluationQuestion> Load(string path)
    {
        var yaml = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        var file = yaml.Deserialize<QuestionsFile>(File.ReadAllText(path));
        return file.Questions.Select(q => new EvaluationQuestion(q.Question, q.Answer)).ToList();
    }

    internal sealed class QuestionsFile
    {
        public List<Entry> Questions { get; set; } = [];
    }

    internal sealed class Entry
    {
        public string Question { get; set; } = "";
        public string Answer { get; set; } = "";
    }
}

internal static class Repository
{
    public static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Compila.slnx")))
                return directory.FullName;
        }
        throw new DirectoryNotFoundException("Compila.slnx not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>Sweeps re-index the same passages many times; each distinct text is embedded once.</summary>
internal sealed class CachingEmbedder(ITextEmbedder inner) : ITextEmbedder
{
    readonly ConcurrentDictionary<string, float[]> cache = new(StringComparer.Ordinal);

    public string ModelId => inner.ModelId;

    public int Dimensions => inner.Dimensions;

    public IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        var missing = texts.Where(t => !cache.ContainsKey(t)).Distinct().ToList();
        if (missing.Count > 0)
        {
            var vectors = inner.Embed(missing, cancellationToken);
            for (var i = 0; i < missing.Count; i++)
                cache[missing[i]] = vectors[i];
        }
        return texts.Select(t => cache[t]).ToList();
    }
}
