using System.Text.Json.Serialization;
using Compila.Knowledge;
using Compila.Web.Infrastructure.Errors;

namespace Compila.Web.Features.Tutor;

public sealed record ChatTurn(string Role, string Content);

/// <summary>A question sent to <c>/v1/chat</c>, with the conversation so far or the one to continue.</summary>
public sealed record TutorRequest(
    string? Message,
    IReadOnlyList<ChatTurn>? History,
    [property: JsonPropertyName("challenge_id")] Guid? ChallengeId,
    [property: JsonPropertyName("conversation_id")] Guid? ConversationId);

public sealed record TutorReply(Guid ConversationId, string Message, IReadOnlyList<AnswerResource> Resources, int TokensUsed, string Mode, string? Notice);

/// <summary>What a question to the tutor may be, with pt-BR messages.</summary>
public static class TutorRequestRules
{
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
}
