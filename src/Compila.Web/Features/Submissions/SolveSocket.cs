using System.Net.WebSockets;
using System.Security.Claims;
using System.Text.Json.Nodes;
using System.Text.Json;
using Compila.Web.Features.Submissions.Contracts;
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

    /// <summary>What <c>/v1/solve</c> exchanges, for the OpenAPI document; the Smart Solver adds its findings.</summary>
    public static readonly SocketContract Contract = new("Solve", typeof(SolveRequest),
    [
        typeof(AcceptedMessage), typeof(LoopStartMessage), typeof(AgentStartMessage), typeof(CheckResultMessage),
        typeof(CompleteMessage), typeof(SocketError),
    ]);

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
        if (request.SubmissionId is { } followId)
        {
            var owner = await db.Set<Submission>().Where(s => s.Id == followId).Select(s => (Guid?)s.UserId).SingleOrDefaultAsync(ct);
            if (owner is null || (owner != userId && !http.User.IsAdmin()))
            {
                await SendErrorAndCloseAsync(socket, "Submissão não encontrada.", ct);
                return;
            }

            submissionId = followId;
            after = Math.Max(0, request.AfterSequence ?? 0);
        }
        else if (request.ChallengeId is { } challengeId)
        {
            var outcome = await submissions.SubmitAsync(userId, challengeId, new SubmitRequest(request.Language, request.Code, null), ct);
            switch (outcome)
            {
                case SubmitOutcome.Accepted accepted:
                    submissionId = accepted.Response.SubmissionId;
                    await JsonWebSocket.SendAsync(socket, new AcceptedMessage(submissionId, accepted.Response.AttemptNumber), ct);
                    break;
                case SubmitOutcome.Invalid invalid:
                    await SendErrorAndCloseAsync(socket, "Dados inválidos.", ct, invalid.Errors.ToDictionary());
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

        await foreach (var json in events.FollowAsync(submissionId, after, ct))
        {
            await JsonWebSocket.SendJsonAsync(socket, json, ct);
        }

        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "complete", ct);
    }

    static async Task<SolveRequest?> ReceiveAsync(WebSocket socket, CancellationToken ct)
    {
        if (await JsonWebSocket.ReceiveAsync(socket, MaxMessageBytes, ct) is not { } bytes)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(bytes) is JsonObject json ? SolveRequest.From(json) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    static async Task SendErrorAndCloseAsync(WebSocket socket, string message, CancellationToken ct, IDictionary<string, string[]>? errors = null)
    {
        if (socket.State != WebSocketState.Open)
        {
            return;
        }

        await JsonWebSocket.SendAsync(socket, new SocketError(message, errors), ct);
        await socket.CloseAsync(WebSocketCloseStatus.PolicyViolation, "error", ct);
    }
}
