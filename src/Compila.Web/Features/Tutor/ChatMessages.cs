using System.Text.Json.Serialization;
using Compila.Knowledge;
using Compila.Web.Infrastructure.WebSockets;

namespace Compila.Web.Features.Tutor;

/// <summary>A piece of the tutor's answer as the model streams it.</summary>
[SocketMessage("delta")]
public sealed record TutorDeltaMessage(string Text) : SocketMessage;

/// <summary>The tutor's whole answer, after any deltas; offline it comes alone, with <c>mode: "offline"</c>.</summary>
/// <param name="Notice">pt-BR notice (e.g. over the daily AI quota), or null.</param>
[SocketMessage("message")]
public sealed record TutorAnswerMessage(
    string Message,
    IReadOnlyList<AnswerResource> Resources,
    [property: JsonPropertyName("tokens_used")] int TokensUsed,
    string Mode,
    string? Notice,
    [property: JsonPropertyName("conversation_id")] Guid ConversationId) : SocketMessage;
