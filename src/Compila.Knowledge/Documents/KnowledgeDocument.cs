namespace Compila.Knowledge;

/// <summary>Where a document came from; indexing a batch replaces the stale documents of the same sources only.</summary>
public enum DocumentSource
{
    /// <summary>An article under <c>content/docs</c>.</summary>
    Article,
    /// <summary>A challenge description supplied by the host (never its solution or hidden cases).</summary>
    Challenge,
    /// <summary>A document added by an administrator at run time.</summary>
    Admin,
}

/// <summary>A Markdown document of the knowledge base.</summary>
/// <param name="Id">Stable id, cited by the tutor (e.g. <c>python-listas</c>, <c>challenge:validar-cpf</c>).</param>
/// <param name="Title">Human title in pt-BR.</param>
/// <param name="Markdown">Body in Markdown (front matter already removed).</param>
public sealed record KnowledgeDocument(string Id, string Title, string Markdown)
{
    /// <summary>One of <see cref="KnowledgeLanguages.All"/>; <c>general</c> when not language specific.</summary>
    public string Language { get; init; } = KnowledgeLanguages.General;

    /// <summary>Free topic such as <c>basics</c>, <c>algorithms</c>, <c>git</c>; used by filters.</summary>
    public string? Topic { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Link the UI opens; anchors of sections are appended as <c>#slug</c>.</summary>
    public string? Url { get; init; }

    public DocumentSource Source { get; init; } = DocumentSource.Article;

    /// <summary>
    /// A challenge description as a document. Pass only what the learner already sees (title and statement);
    /// never the reference solution or hidden test cases.
    /// </summary>
    public static KnowledgeDocument FromChallenge(
        string slug, string title, string descriptionMarkdown,
        string? language = null, string? topic = null, IReadOnlyList<string>? tags = null, string? url = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(slug);
        return new KnowledgeDocument("challenge:" + slug, title, descriptionMarkdown)
        {
            Language = KnowledgeLanguages.Normalize(language),
            Topic = topic ?? "challenges",
            Tags = tags ?? [],
            Url = url ?? "/challenges/" + slug,
            Source = DocumentSource.Challenge,
        };
    }
}

/// <summary>The languages a document can be about.</summary>
public static class KnowledgeLanguages
{
    public const string General = "general";

    public static IReadOnlyList<string> All { get; } = ["python", "javascript", "typescript", "java", "go", "csharp", General];

    /// <summary>Lower-cases and maps common spellings (<c>C#</c>, <c>js</c>, <c>golang</c>); unknown values become <c>general</c>.</summary>
    public static string Normalize(string? language)
    {
        var value = (language ?? string.Empty).Trim().ToLowerInvariant();
        value = value switch
        {
            "c#" or "cs" or "dotnet" or ".net" => "csharp",
            "js" or "node" or "nodejs" => "javascript",
            "ts" => "typescript",
            "golang" => "go",
            "py" => "python",
            _ => value,
        };
        return All.Contains(value) ? value : General;
    }
}
