using System.Text;
using Compila.Knowledge;
using Compila.Web.Features.Ai;
using Compila.Web.Infrastructure.Data;

namespace Compila.Web.Features.Tutor;

/// <summary>
/// The tutor: retrieves passages from our knowledge base and answers with a configured model (streamed, citing
/// sources by id) or, offline, with the best passages themselves. Opened from a challenge it knows the statement
/// and the learner's last submission (<see cref="TutorChallengeContexts"/>), and it refuses to hand over a solution
/// (<see cref="SolutionGuard"/>); a model answer that reproduces the solution is replaced.
/// </summary>
internal sealed class TutorService(
    IKnowledgeBase knowledge,
    AiGateway ai,
    AiQuota quota,
    CompilaDb db,
    TutorConversations conversations,
    TutorChallengeContexts challenges)
{
    public const string Agent = "tutor";

    /// <returns>The reply, or null when the conversation or challenge is not the learner's to use.</returns>
    public async Task<TutorReply?> AnswerAsync(Guid userId, TutorRequest request, Func<string, Task>? onDelta, CancellationToken ct)
    {
        var conversation = await conversations.OpenAsync(userId, request, ct);
        if (conversation is null)
        {
            return null;
        }

        var context = conversation.ChallengeId is { } challengeId ? await challenges.LoadAsync(userId, challengeId, ct) : null;
        var language = context?.Language;
        var hits = await knowledge.SearchAsync(request.Message!, language is null ? null : new SearchFilters(language, IncludeGeneral: true), 5, cancellationToken: ct);
        if (hits.Count == 0 && language is not null)
        {
            hits = await knowledge.SearchAsync(request.Message!, null, 5, cancellationToken: ct);
        }

        TutorReply reply;
        if (context is { MaySeeSolution: false } && SolutionGuard.AsksForSolution(request.Message!))
        {
            reply = Refusal(conversation.Id, hits);
        }
        else
        {
            reply = await ModelAnswerAsync(userId, conversation.Id, request, context, hits, onDelta, ct)
                ?? Offline(conversation.Id, request.Message!, hits, context, notice: null);
        }

        await conversations.SaveAsync(conversation, request.Message!, reply, ct);
        return reply;
    }

    async Task<TutorReply?> ModelAnswerAsync(Guid userId, Guid conversationId, TutorRequest request, TutorChallengeContext? context,
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

        var messages = TutorPrompt.Build(request, context, hits);
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

        if (context is not null && SolutionGuard.Leaks(result.Text!, context.SolutionLines))
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

    static TutorReply Offline(Guid conversationId, string question, IReadOnlyList<SearchHit> hits, TutorChallengeContext? context, string? notice)
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
}
