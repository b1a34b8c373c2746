using System.Text;

namespace Compila.Knowledge;

/// <summary>A source the answer cites, as the chat's <c>resources</c>.</summary>
public sealed record AnswerResource(string DocumentId, string Title, string? Heading, string? Url);

/// <summary>The chat's reply without a language model: passages quoted as they are, with their sources.</summary>
public sealed record OfflineAnswerResult(string Message, IReadOnlyList<AnswerResource> Resources)
{
    /// <summary>Always true: the UI labels the answer as offline.</summary>
    public bool Offline { get; init; } = true;
}

/// <summary>
/// Composes the tutor's answer when no LLM is configured. It only quotes the knowledge base (the best passages with
/// their titles and links) and never writes a claim of its own, so it cannot invent facts.
/// </summary>
public static class OfflineAnswer
{
    public const string OfflineLabel = "Modo offline";

    public static OfflineAnswerResult Compose(string question, IReadOnlyList<SearchHit> hits, int maxPassages = 3)
    {
        ArgumentNullException.ThrowIfNull(hits);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPassages, 1);
        var message = new StringBuilder();
        message.Append("**").Append(OfflineLabel).Append("** — o tutor está sem um modelo de linguagem agora, ");
        if (hits.Count == 0)
        {
            message.Append("e não encontrei na base de conhecimento do compila.dev um trecho que responda com segurança a: \"")
                .Append(Quote(question)).Append("\".\n\n")
                .Append("Tente reformular com o nome do conceito ou da linguagem (por exemplo: \"listas em Python\", \"async/await em C#\"), ")
                .Append("ou procure na documentação.");
            return new OfflineAnswerResult(message.ToString(), []);
        }

        message.Append("então separei os trechos da base de conhecimento mais próximos da sua pergunta. ")
            .Append("Leia o original para o contexto completo.\n");
        var resources = new List<AnswerResource>();
        foreach (var hit in hits.Take(maxPassages))
        {
            var heading = hit.Heading.Length == 0 ? hit.Title : $"{hit.Title} › {hit.Heading}";
            message.Append("\n### ").Append(heading).Append('\n').Append('\n');
            message.Append(hit.Snippet.Trim()).Append('\n').Append('\n');
            message.Append("Fonte: ");
            message.Append(hit.Link is null ? $"{hit.Title} (`{hit.DocumentId}`)" : $"[{hit.Title}]({hit.Link}) (`{hit.DocumentId}`)");
            message.Append('\n');
            if (resources.All(r => r.DocumentId != hit.DocumentId))
                resources.Add(new AnswerResource(hit.DocumentId, hit.Title, hit.Heading.Length == 0 ? null : hit.Heading, hit.Link));
        }
        return new OfflineAnswerResult(message.ToString().TrimEnd(), resources);
    }

    static string Quote(string question)
    {
        var single = question.ReplaceLineEndings(" ").Trim();
        return single.Length <= 200 ? single : single[..200] + "…";
    }
}
