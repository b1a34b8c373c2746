using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Compila.Web.Infrastructure.WebSockets;

namespace Compila.Web.Features.Submissions;

/// <summary>
/// The one message a client sends to <c>/v1/solve</c>: <c>challenge_id</c>, <c>language</c> and <c>code</c> to submit
/// and follow, or <c>submission_id</c> (and <c>after_sequence</c>, the last event seen) to follow or resume one.
/// </summary>
public sealed record SolveRequest(
    [property: JsonPropertyName("challenge_id")] Guid? ChallengeId,
    string? Language,
    string? Code,
    [property: JsonPropertyName("submission_id")] Guid? SubmissionId,
    [property: JsonPropertyName("after_sequence")] int? AfterSequence)
{
    /// <summary>
    /// Reads a request leniently: a field of the wrong JSON type counts as absent (an unparseable id, a
    /// non-integer sequence), so the client gets the socket's own error rather than a parser's.
    /// </summary>
    public static SolveRequest From(JsonObject json) => new(
        Id(json["challenge_id"]), Text(json["language"]), Text(json["code"]), Id(json["submission_id"]),
        json["after_sequence"] is JsonValue seq && seq.TryGetValue<int>(out var s) ? s : null);

    static Guid? Id(JsonNode? node) => Text(node) is { } text && Guid.TryParse(text, out var id) ? id : null;

    static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;
}

/// <summary>Sent once, before any event, when a submit-and-follow request has been stored.</summary>
[SocketMessage("accepted")]
public sealed record AcceptedMessage(
    [property: JsonPropertyName("submission_id")] Guid SubmissionId,
    [property: JsonPropertyName("attempt_number")] int AttemptNumber) : SocketMessage;
