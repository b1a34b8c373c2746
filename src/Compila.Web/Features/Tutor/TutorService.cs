using Compila.Web.Infrastructure.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Compila.ChallengeSuites.Running;
using Compila.Knowledge;
using Compila.Web.Features.Ai;
using Compila.Web.Features.Challenges.Content;
using Compila.Web.Features.Challenges.Contracts;
using Compila.Web.Features.Submissions;
using Compila.Web.Infrastructure.Data;
using Compila.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;

namespace Compila.Web.Features.Tutor;

public sealed record ChatTurn(string Role, string Content);

/// <summary>A question sent to <c>/v1/chat</c>, with the conversation so far or the one to continue.</summary>
public sealed record TutorRequest(
    string? Message,
    IReadOnlyList<ChatTurn>? History,
    [property: JsonPropertyName("challenge_id")] Guid? ChallengeId,
    [property: JsonPropertyName("conversation_id")] Guid? ConversationId);

public sealed record TutorReply(Guid ConversationId, string Message, IReadOnlyList<AnswerResource> Resources, int TokensUsed, string Mode, string? Notice);

/// <summary>
/// The tutor: retrieves passages from our knowledge base and answers with a configured model (streamed, citing
/// sources by id) or, offline, with the best passages themselves. Opened from a challenge it knows the statement
/// and the learner's last submission, but never the reference solution or hidden cases, and it refuses to hand
/// over a solution; a model answer that reproduces the solution is replaced.
/// </summary>
public sealed partial class TutorService(
    IChallengeCatalog catalog,
    IKnowledgeBase knowledge,
    AiGateway ai,
    AiQuota quota,
    CompilaDb db,
    ChallengeContent content,
    TimeProvider clock)
{
    public const string Agent = "tutor";
    const int MaxMessageChars = 4000;
    const int MaxHistory = 20;

    public static ValidationErrors Validate(TutorRequest request)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(request.Message))
        {
            errors.Add("message", "Escreva sua pergunta.");
        }
        else if (request.Message.Length > MaxMessageChars || request.Message.Contains('\0'))
        {
            errors.Add("message", $"A pergunta deve ter até {MaxMessageChars} caracteres.");
        }

        if (request.History is { } history && (history.Count > MaxHistory
            || history.Any(t => t is null || t.Role is not ("user" or "assistant") || t.Content is null || t.Content.Length > MaxMessageChars)))
        {
            errors.Add("history", $"Envie até {MaxHistory} mensagens anteriores com role 'user' ou 'assistant'.");
        }

        return errors;
    }

    /// <returns>The reply, or null when the conversation or challenge is not the learner's to use.</returns>
    public async Task<TutorReply?> AnswerAsync(Guid userId, TutorRequest request, Func<string, Task>? onDelta, CancellationToken ct)
    {
        var conversation = await ConversationAsync(userId, request, ct);
        if (conversation is null)
        {
            return null;
        }

        var context = conversation.ChallengeId is { } challengeId ? await ChallengeContextAsync(userId, challengeId, ct) : null;
        var language = context?.Language;
        var hits = await knowledge.SearchAsync(request.Message!, language is null ? null : new SearchFilters(language, IncludeGeneral: true), 5, cancellationToken: ct);
        if (hits.Count == 0 && language is not null)
        {
            hits = await knowledge.SearchAsync(request.Message!, null, 5, cancellationToken: ct);
        }

        TutorReply reply;
        if (context is { MaySeeSolution: false } && AsksForSolution(request.Message!))
        {
            reply = Refusal(conversation.Id, hits);
        }
        else
        {
            reply = await ModelAnswerAsync(userId, conversation.Id, request, context, hits, onDelta, ct)
                ?? Offline(conversation.Id, request.Message!, hits, context, notice: null);
        }

        await SaveAsync(conversation, request.Message!, reply, ct);
        return reply;
    }

    async Task<TutorReply?> ModelAnswerAsync(Guid userId, Guid conversationId, TutorRequest request, ChallengeContext? context,
        IReadOnlyList<SearchHit> hits, Func<string, Task>? onDelta, CancellationToken ct)
    {
        var settings = ai.Resolve(Agent);
        if (settings is null)
        {
            return null;
        }

        var allowance = await quota.CheckAsync(db, userId, ct);
        if (!allowance.Allowed)
        {
            return Offline(conversationId, request.Message!, hits, context,
                notice: $"Você usou a cota diária de IA do plano {allowance.Plan}; esta resposta veio do modo offline.");
        }

        var messages = Prompt(request, context, hits);
        var call = new AiCallContext(userId, Agent, "chat");
        // Deltas are held back until the answer is known not to reproduce the solution.
        var streamed = new StringBuilder();
        var result = context?.SolutionLines.Count > 0 || onDelta is null
            ? await ai.StreamAsync(call, settings, messages, delta => { streamed.Append(delta); return Task.CompletedTask; }, ct)
            : await ai.StreamAsync(call, settings, messages, onDelta, ct);
        if (!result.Succeeded)
        {
            return null;
        }

        if (context is not null && Leaks(result.Text!, context))
        {
            return Refusal(conversationId, hits) with { TokensUsed = result.TotalTokens, Mode = result.Model };
        }

        if (streamed.Length > 0 && onDelta is not null)
        {
            await onDelta(streamed.ToString());
        }

        var cited = hits.Where(h => result.Text!.Contains(h.DocumentId, StringComparison.Ordinal)).ToList();
        var resources = (cited.Count > 0 ? cited : hits).Select(h => new AnswerResource(h.DocumentId, h.Title, h.Heading, h.Link)).ToList();
        return new TutorReply(conversationId, result.Text!, resources, result.TotalTokens, result.Model, null);
    }

    static List<ChatMessage> Prompt(TutorRequest request, ChallengeContext? context, IReadOnlyList<SearchHit> hits)
    {
        var system = new StringBuilder("""
            Você é o tutor da compila.dev, uma plataforma brasileira para aprender programação resolvendo desafios.
            Responda em português do Brasil, de forma clara e didática, em até 250 palavras.
            Use as passagens da base de conhecimento abaixo e cite cada fonte que usar pelo id entre colchetes, como [python-listas].
            Nunca entregue a solução completa de um desafio nem código que o resolva inteiro: guie com perguntas, dicas e exemplos menores.
            Você não conhece os casos de teste ocultos; não invente valores esperados.
            """);
        system.AppendLine().AppendLine("Passagens:");
        foreach (var hit in hits)
        {
            system.AppendLine(CultureInfo.InvariantCulture, $"[{hit.DocumentId}] {hit.Title}{(hit.Heading is null ? "" : " — " + hit.Heading)}").AppendLine(hit.Text).AppendLine();
        }

        if (context is not null)
        {
            system.AppendLine(CultureInfo.InvariantCulture, $"O aluno está no desafio \"{context.Title}\". Enunciado:").AppendLine(context.Statement);
            if (context.LastCode is not null)
            {
                system.AppendLine(CultureInfo.InvariantCulture, $"Última submissão do aluno ({context.Language}, resultado: {context.LastStatus}):").AppendLine(context.LastCode);
            }

            if (context.FirstFailingVisible is not null)
            {
                system.AppendLine("Primeiro caso visível que falhou: " + context.FirstFailingVisible);
            }
        }

        var messages = new List<ChatMessage> { new(ChatRole.System, system.ToString()) };
        foreach (var turn in request.History ?? [])
        {
            messages.Add(new ChatMessage(turn.Role == "assistant" ? ChatRole.Assistant : ChatRole.User, turn.Content));
        }

        messages.Add(new ChatMessage(ChatRole.User, request.Message!));
        return messages;
    }

    static TutorReply Offline(Guid conversationId, string question, IReadOnlyList<SearchHit> hits, ChallengeContext? context, string? notice)
    {
        var answer = OfflineAnswer.Compose(question, hits);
        var message = answer.Message;
        if (context?.FirstFailingVisible is { } failing)
        {
            message = $"Sobre sua última submissão em \"{context.Title}\": o primeiro caso visível que falhou foi {failing}. "
                + "Compare o valor esperado com o que seu código devolveu e siga a execução com esses argumentos.\n\n" + message;
        }

        return new TutorReply(conversationId, message, answer.Resources, 0, "offline", notice);
    }

    static TutorReply Refusal(Guid conversationId, IReadOnlyList<SearchHit> hits) => new(
        conversationId,
        "Não posso entregar a solução pronta deste desafio — o aprendizado está em chegar lá. Posso ajudar de outro jeito: "
        + "me diga em qual caso seu código falha, ou peça uma dica sobre a ideia principal. Se quiser mesmo ver a solução de "
        + "referência, use \"Desistir e ver a solução\" na página do desafio (aí o desafio deixa de render XP)."
        + (hits.Count > 0 ? "\n\nLeituras que podem ajudar: " + string.Join("; ", hits.Take(3).Select(h => $"{h.Title} ({h.Link})")) : ""),
        hits.Take(3).Select(h => new AnswerResource(h.DocumentId, h.Title, h.Heading, h.Link)).ToList(),
        0,
        "offline",
        null);

    /// <summary>True when the answer reproduces distinctive lines of any reference solution of the challenge.</summary>
    static bool Leaks(string answer, ChallengeContext context)
    {
        var normalized = Whitespace().Replace(answer, " ");
        return context.SolutionLines.Any(line => normalized.Contains(line, StringComparison.Ordinal));
    }

    static bool AsksForSolution(string message)
    {
        var folded = SearchText.Fold(message);
        return SolutionRequest().IsMatch(folded);
    }

    async Task<TutorConversation?> ConversationAsync(Guid userId, TutorRequest request, CancellationToken ct)
    {
        if (request.ConversationId is { } id)
        {
            return await db.Set<TutorConversation>().SingleOrDefaultAsync(c => c.Id == id && c.UserId == userId, ct);
        }

        if (request.ChallengeId is { } challengeId && !await catalog.Published().AnyAsync(c => c.Id == challengeId, ct))
        {
            return null;
        }

        var title = request.Message!.Trim();
        var conversation = new TutorConversation
        {
            UserId = userId,
            ChallengeId = request.ChallengeId,
            Title = title.Length > 80 ? title[..80] + "…" : title,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Set<TutorConversation>().Add(conversation);
        return conversation;
    }

    async Task<ChallengeContext?> ChallengeContextAsync(Guid userId, Guid challengeId, CancellationToken ct)
    {
        var challenge = await catalog.All().SingleOrDefaultAsync(c => c.Id == challengeId, ct);
        var source = challenge is null ? null : content.Find(challenge.Slug);
        if (challenge is null || source is null)
        {
            return null;
        }

        var last = await db.Submissions.AsNoTracking().Where(s => s.UserId == userId && s.ChallengeId == challengeId && s.Status != SubmissionStatus.Pending)
            .OrderByDescending(s => s.AttemptNumber).FirstOrDefaultAsync(ct);
        var passed = await db.Submissions.AnyAsync(s => s.UserId == userId && s.ChallengeId == challengeId && s.Status == SubmissionStatus.Passed, ct);
        string? failing = null;
        if (last?.TestResults is { } json && JsonSerializer.Deserialize<TestRunResult>(json, JsonSerializerOptions.Web) is { } results)
        {
            var first = results.Tests.FirstOrDefault(t => !t.Hidden && t.Status != TestStatus.Pass);
            failing = first is null ? null : $"\"{first.Name}\" (esperado: {first.Expected ?? "?"}; obtido: {first.Actual ?? first.Message ?? "erro"})";
        }

        // Lines the learner already has (signatures in the starter code) are not the solution.
        static IEnumerable<string> Lines(IEnumerable<Judge.SourceFile> files) =>
            files.SelectMany(f => f.Content.Split('\n')).Select(l => Whitespace().Replace(l.Trim(), " "));
        var starterLines = Lines(source.Languages.Values.SelectMany(l => l.Starter)).ToHashSet();
        var solutionLines = Lines(source.Languages.Values.SelectMany(l => l.Solution))
            .Where(l => l.Length >= 25 && !starterLines.Contains(l)).Distinct().ToList();
        return new ChallengeContext(challenge.Title, source.Description, last?.Language, last?.Code, last is null ? null : EnumLabels.ToLabel(last.Status),
            failing, passed, solutionLines);
    }

    async Task SaveAsync(TutorConversation conversation, string question, TutorReply reply, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        conversation.UpdatedAt = now;
        db.Set<TutorMessage>().Add(new TutorMessage { ConversationId = conversation.Id, Role = "user", Content = question, CreatedAt = now });
        db.Set<TutorMessage>().Add(new TutorMessage
        {
            ConversationId = conversation.Id,
            Role = "assistant",
            Content = reply.Message,
            Resources = JsonSerializer.Serialize(reply.Resources, JsonSerializerOptions.Web),
            TokensUsed = reply.TokensUsed,
            Mode = reply.Mode,
            CreatedAt = now.AddMilliseconds(1),
        });
        await db.SaveChangesAsync(ct);
    }

    sealed record ChallengeContext(
        string Title, string Statement, string? Language, string? LastCode, string? LastStatus, string? FirstFailingVisible,
        bool MaySeeSolution, IReadOnlyList<string> SolutionLines);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\b(solucao|resposta|gabarito|codigo)\b.{0,30}\b(pronta|pronto|completa|completo|inteira|inteiro|final|certa|certo)\b|\b(me (da|de|passa|mostra|manda)|quero|mostre|mostra)\b.{0,20}\b(solucao|resposta|gabarito)\b|\bresolve (pra|para) mim\b|\bfaz (pra|para) mim\b")]
    private static partial Regex SolutionRequest();
}
