using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.TestHost;

namespace Compila.Web.Tests.Infrastructure;

/// <summary>A client of the tutor's /v1/chat WebSocket over the test server.</summary>
public sealed class ChatClient : IAsyncDisposable
{
    readonly WebSocket socket;

    ChatClient(WebSocket socket) => this.socket = socket;

    public static async Task<ChatClient> ConnectAsync(CompilaApp app, string accessToken)
    {
        var uri = new UriBuilder(new Uri(app.Server.BaseAddress, $"v1/chat?access_token={Uri.EscapeDataString(accessToken)}")) { Scheme = "ws" }.Uri;
        return new ChatClient(await app.Server.CreateWebSocketClient().ConnectAsync(uri, CancellationToken.None));
    }

    /// <summary>Sends one question and collects the deltas and the final message (or an error).</summary>
    public async Task<(List<string> Deltas, JsonObject Final)> AskAsync(object question)
    {
        await socket.SendAsync(Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(question)), WebSocketMessageType.Text, true, CancellationToken.None);
        var deltas = new List<string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult read;
            do
            {
                read = await socket.ReceiveAsync(buffer, timeout.Token);
                if (read.MessageType == WebSocketMessageType.Close)
                {
                    throw new InvalidOperationException("the server closed the chat");
                }

                message.Write(buffer, 0, read.Count);
            }
            while (!read.EndOfMessage);

            var json = JsonNode.Parse(message.ToArray())!.AsObject();
            switch (json["type"]!.GetValue<string>())
            {
                case "delta":
                    deltas.Add(json["text"]!.GetValue<string>());
                    break;
                default:
                    return (deltas, json);
            }
        }
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
