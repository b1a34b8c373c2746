using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Compila.Knowledge;

/// <summary>Reads <c>content/docs/**/*.md</c>: YAML front matter (id, title, language, topic, tags) then Markdown.</summary>
public static class KnowledgeDocumentLoader
{
    static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    /// <summary>Loads every Markdown file under <paramref name="directory"/>, ordered by path.</summary>
    /// <param name="urlPrefix">Prefix of the article's link; the id is appended (default <c>/docs/</c>).</param>
    public static IReadOnlyList<KnowledgeDocument> LoadDirectory(string directory, string urlPrefix = "/docs/")
    {
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"Knowledge content folder not found: {directory}");
        var documents = Directory.EnumerateFiles(directory, "*.md", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => Parse(File.ReadAllText(path), path, urlPrefix))
            .ToList();
        var duplicate = documents.GroupBy(d => d.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidDataException($"Duplicate document id '{duplicate.Key}' in {directory}.");
        return documents;
    }

    /// <summary>Parses one article. <paramref name="sourceName"/> only appears in error messages.</summary>
    public static KnowledgeDocument Parse(string text, string sourceName, string urlPrefix = "/docs/")
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (!normalized.StartsWith("---\n", StringComparison.Ordinal))
            throw new InvalidDataException($"{sourceName}: missing front matter (a '---' block with id and title).");
        var end = normalized.IndexOf("\n---", 4, StringComparison.Ordinal);
        if (end < 0)
            throw new InvalidDataException($"{sourceName}: front matter is not closed with '---'.");
        var header = Yaml.Deserialize<FrontMatter?>(normalized[4..end]) ?? new FrontMatter();
        var bodyStart = normalized.IndexOf('\n', end + 4);
        var body = bodyStart < 0 ? string.Empty : normalized[(bodyStart + 1)..].Trim('\n');
        if (string.IsNullOrWhiteSpace(header.Id) || string.IsNullOrWhiteSpace(header.Title))
            throw new InvalidDataException($"{sourceName}: front matter needs 'id' and 'title'.");
        var language = KnowledgeLanguages.Normalize(header.Language);
        if (header.Language is not null && language == KnowledgeLanguages.General && !string.Equals(header.Language.Trim(), KnowledgeLanguages.General, StringComparison.OrdinalIgnoreCase))
            throw new InvalidDataException($"{sourceName}: unknown language '{header.Language}'.");
        return new KnowledgeDocument(header.Id.Trim(), header.Title.Trim(), body)
        {
            Language = language,
            Topic = string.IsNullOrWhiteSpace(header.Topic) ? null : header.Topic.Trim().ToLowerInvariant(),
            Tags = header.Tags ?? [],
            Url = urlPrefix + header.Id.Trim(),
            Source = DocumentSource.Article,
        };
    }

    sealed class FrontMatter
    {
        public string? Id { get; set; }
        public string? Title { get; set; }
        public string? Language { get; set; }
        public string? Topic { get; set; }
        public List<string>? Tags { get; set; }
    }
}
