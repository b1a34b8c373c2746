using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.TestHost;

namespace Compila.Web.Tests.Infrastructure;

/// <summary>A client of the /v1/solve WebSocket over the test server.</summary>
public sealed class SolveClient : IAsyncDisposable
{
    readonly WebSocket socket;

    SolveClient(WebSocket socket) => this.socket = socket;

    public static async Task<SolveClient> ConnectAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app, string accessToken)
    {
        var client = app.Server.CreateWebSocketClient();
        var uri = new Uri(app.Server.BaseAddress, $"v1/solve?access_token={Uri.EscapeDataString(accessToken)}");
        uri = new UriBuilder(uri) { Scheme = "ws" }.Uri;
        return new SolveClient(await client.ConnectAsync(uri, CancellationToken.None));
    }

    public Task SendAsync(object message) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(message)), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>The next message, or null when the server closed the socket.</summary>
    public async Task<JsonObject?> ReceiveAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var read = await socket.ReceiveAsync(buffer, cts.Token);
            if (read.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, read.Count);
            if (read.EndOfMessage)
            {
                return JsonNode.Parse(message.ToArray())!.AsObject();
            }
        }
    }

    /// <summary>Every message until the server closes (after <c>complete</c> or an error).</summary>
    public async Task<List<JsonObject>> ReceiveAllAsync()
    {
        var messages = new List<JsonObject>();
        while (await ReceiveAsync() is { } message)
        {
            messages.Add(message);
        }

        return messages;
    }

    public async Task AbortAsync()
    {
        socket.Abort();
        await Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (socket.State == WebSocketState.Open)
        {
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
        }

        socket.Dispose();
    }
}
