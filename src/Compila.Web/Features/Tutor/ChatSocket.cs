using System.Net.WebSockets;
using System.Text.Json;
using Compila.Web.Features.Users;
using Compila.Web.Infrastructure.Identity;
using Compila.Web.Infrastructure.RateLimiting;
using Compila.Web.Infrastructure.Telemetry;
using Compila.Web.Infrastructure.WebSockets;

namespace Compila.Web.Features.Tutor;

/// <summary>
/// The spec's tutor WebSocket. Each client message {message, history?, challenge_id?, conversation_id?} gets, with a
/// model configured, {type:"delta", text} messages as the answer streams, then {type:"message", message, resources,
/// tokens_used, mode, conversation_id}. Offline the final message comes alone, with <c>mode: "offline"</c>.
/// </summary>
public static class ChatSocket
{
    const int MaxMessageBytes = 64 * 1024;

    /// <summary>What <c>/v1/chat</c> exchanges, for the OpenAPI document.</summary>
    public static readonly SocketContract Contract = new("Chat", typeof(TutorRequest), [typeof(TutorDeltaMessage), typeof(TutorAnswerMessage), typeof(SocketError)]);

    public static void MapChatSocket(this IEndpointRouteBuilder app) =>
        app.Map("/v1/chat", Handle).RequireAuthorization().WithRateLimitClass(RateLimitClass.Ai)
            .WithTags("Tutor").WithName("ChatSocket").ExcludeFromDescription();

    static async Task Handle(HttpContext http, IServiceScopeFactory scopes, Microsoft.Extensions.Options.IOptionsMonitor<RateLimitOptions> limits, ICounterStore counters, PlatformMetrics metrics)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            await Results.Problem(statusCode: 400, title: "Requisição inválida.", detail: "Conecte-se por WebSocket.").ExecuteAsync(http);
            return;
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        using var connection = metrics.WebSocketOpened("chat");
        var ct = http.RequestAborted;
        var userId = http.User.CurrentUserId()!.Value;
        Guid? conversationId = null;
        try
        {
            while (socket.State == WebSocketState.Open && await ReceiveAsync(socket, ct) is { } raw)
            {
                // Every question counts against the AI budget, not only the connection that carried it.
                var window = await counters.IncrementAsync($"rl:u:{userId}:WS /v1/chat", TimeSpan.FromMinutes(1), ct);
                if (window.Count > limits.CurrentValue.AiPerMinute)
                {
                    await SendAsync(socket, Error($"Limite de {limits.CurrentValue.AiPerMinute} perguntas por minuto; tente de novo em {Math.Ceiling(window.ResetsIn.TotalSeconds)} s."), ct);
                    continue;
                }

                TutorRequest? request;
                try
                {
                    request = JsonSerializer.Deserialize<TutorRequest>(raw, SnakeCase);
                }
                catch (JsonException)
                {
                    request = null;
                }

                if (request is null)
                {
                    await SendAsync(socket, Error("Mensagem inválida: envie JSON com 'message'."), ct);
                    continue;
                }

                var errors = TutorRequestRules.Validate(request);
                if (!errors.IsValid)
                {
                    await SendAsync(socket, new SocketError("Dados inválidos.", errors.ToDictionary()), ct);
                    continue;
                }

                await using var scope = scopes.CreateAsyncScope();
                var tutor = scope.ServiceProvider.GetRequiredService<TutorService>();
                var reply = await tutor.AnswerAsync(userId, request with { ConversationId = request.ConversationId ?? conversationId },
                    delta => SendAsync(socket, new TutorDeltaMessage(delta), ct), ct);
                if (reply is null)
                {
                    await SendAsync(socket, Error("Conversa ou desafio não encontrado."), ct);
                    continue;
                }

                conversationId = reply.ConversationId;
                await SendAsync(socket, new TutorAnswerMessage(reply.Message, reply.Resources, reply.TokensUsed, reply.Mode, reply.Notice, reply.ConversationId), ct);
            }

            if (socket.State == WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", ct);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // The client left.
        }
    }

    static readonly JsonSerializerOptions SnakeCase = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    static SocketError Error(string message) => new(message);

    static Task<byte[]?> ReceiveAsync(WebSocket socket, CancellationToken ct) => JsonWebSocket.ReceiveAsync(socket, MaxMessageBytes, ct);

    static Task SendAsync(WebSocket socket, SocketMessage message, CancellationToken ct) => JsonWebSocket.SendAsync(socket, message, ct);
}
