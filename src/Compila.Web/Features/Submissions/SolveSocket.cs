using System.Net.WebSockets;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Compila.Web.Features.Submissions.Events;
using Compila.Web.Features.Users;
using Compila.Web.Infrastructure.Data;
using Compila.Web.Infrastructure.Identity;
using Compila.Web.Infrastructure.RateLimiting;
using Compila.Web.Infrastructure.Telemetry;
using Compila.Web.Infrastructure.WebSockets;
using Microsoft.EntityFrameworkCore;

namespace Compila.Web.Features.Submissions;

/// <summary>
/// The spec's Smart Solver WebSocket. The client sends one message: {challenge_id, language, code} to submit and
/// follow, or {submission_id, after_sequence?} to follow (or resume) one. The server replays and streams the
/// submission's events until <c>complete</c>. Closing the socket never cancels judging.
/// </summary>
public static class SolveSocket
{
    const int MaxMessageBytes = 128 * 1024;

    public static void MapSolveSocket(this IEndpointRouteBuilder app) =>
        app.Map("/v1/solve", Handle).RequireAuthorization().WithRateLimitClass(RateLimitClass.Submission)
            .WithTags("Submissions").WithName("SolveSocket").ExcludeFromDescription();

    static async Task Handle(HttpContext http, SubmissionService submissions, SubmissionEventStream events, CompilaDb db, PlatformMetrics metrics, ILoggerFactory loggers)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            await Results.Problem(statusCode: 400, title: "Requisição inválida.", detail: "Conecte-se por WebSocket.").ExecuteAsync(http);
            return;
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        using var connection = metrics.WebSocketOpened("solve");
        try
        {
            await ServeAsync(http, socket, submissions, events, db);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException)
        {
            // A client that leaves early (before its message, mid-submit, mid-stream) is ordinary traffic, not an error:
            // a submission already stored is judged anyway and can be followed again with after_sequence.
            loggers.CreateLogger(typeof(SolveSocket)).LogDebug("Solve socket closed by the client early: {Reason}", ex.GetType().Name);
        }
    }

    static async Task ServeAsync(HttpContext http, WebSocket socket, SubmissionService submissions, SubmissionEventStream events, CompilaDb db)
    {
        var ct = http.RequestAborted;
        var userId = http.User.CurrentUserId()!.Value;
        var request = await ReceiveAsync(socket, ct);
        if (request is null)
        {
            await SendErrorAndCloseAsync(socket, "Mensagem inválida: envie JSON com challenge_id, language e code, ou submission_id.", ct);
            return;
        }

        Guid submissionId;
        var after = 0;
        if (TryGuid(request["submission_id"], out var followId))
        {
            var owner = await db.Set<Submission>().Where(s => s.Id == followId).Select(s => (Guid?)s.UserId).SingleOrDefaultAsync(ct);
            if (owner is null || (owner != userId && !http.User.IsAdmin()))
            {
                await SendErrorAndCloseAsync(socket, "Submissão não encontrada.", ct);
                return;
            }

            submissionId = followId;
            after = request["after_sequence"] is JsonValue seq && seq.TryGetValue<int>(out var s) ? Math.Max(0, s) : 0;
        }
        else if (TryGuid(request["challenge_id"], out var challengeId))
        {
            var outcome = await submissions.SubmitAsync(userId, challengeId, new SubmitRequest(
                Text(request["language"]), Text(request["code"]), null), ct);
            switch (outcome)
            {
                case SubmitOutcome.Accepted accepted:
                    submissionId = accepted.Response.SubmissionId;
                    await SendAsync(socket, new JsonObject
                    {
                        ["type"] = "accepted",
                        ["submission_id"] = submissionId.ToString(),
                        ["attempt_number"] = accepted.Response.AttemptNumber,
                    }, ct);
                    break;
                case SubmitOutcome.Invalid invalid:
                    await SendErrorAndCloseAsync(socket, "Dados inválidos.", ct, JsonSerializer.SerializeToNode(invalid.Errors.ToDictionary()));
                    return;
                default:
                    await SendErrorAndCloseAsync(socket, "Desafio não encontrado.", ct);
                    return;
            }
        }
        else
        {
            await SendErrorAndCloseAsync(socket, "Envie challenge_id, language e code, ou submission_id.", ct);
            return;
        }

        await foreach (var message in events.FollowAsync(submissionId, after, ct))
        {
            await SendAsync(socket, message, ct);
        }

        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "complete", ct);
    }

    static async Task<JsonObject?> ReceiveAsync(WebSocket socket, CancellationToken ct)
    {
        if (await JsonWebSocket.ReceiveAsync(socket, MaxMessageBytes, ct) is not { } bytes)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(bytes) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    static Task SendAsync(WebSocket socket, JsonObject message, CancellationToken ct) => JsonWebSocket.SendAsync(socket, message, ct);

    static async Task SendErrorAndCloseAsync(WebSocket socket, string message, CancellationToken ct, JsonNode? errors = null)
    {
        if (socket.State != WebSocketState.Open)
        {
            return;
        }

        await SendAsync(socket, new JsonObject { ["type"] = "error", ["message"] = message, ["errors"] = errors }, ct);
        await socket.CloseAsync(WebSocketCloseStatus.PolicyViolation, "error", ct);
    }

    static bool TryGuid(JsonNode? node, out Guid value)
    {
        value = default;
        return node is JsonValue v && v.TryGetValue<string>(out var text) && Guid.TryParse(text, out value);
    }

    static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;
}
