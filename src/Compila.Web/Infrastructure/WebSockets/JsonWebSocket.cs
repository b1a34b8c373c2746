using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Compila.Web.Infrastructure.WebSockets;

/// <summary>JSON text messages over a WebSocket, with a size cap on what a client may send.</summary>
public static class JsonWebSocket
{
    /// <summary>The next whole message, or null when the client closed or sent more than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReceiveAsync(WebSocket socket, int maxBytes, CancellationToken ct)
    {
        var buffer = new byte[8192];
        using var message = new MemoryStream();
        while (true)
        {
            var read = await socket.ReceiveAsync(buffer, ct);
            if (read.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, read.Count);
            if (message.Length > maxBytes)
            {
                return null;
            }

            if (read.EndOfMessage)
            {
                return message.ToArray();
            }
        }
    }

    public static Task SendAsync(WebSocket socket, JsonObject message, CancellationToken ct) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString(JsonSerializerOptions.Web)), WebSocketMessageType.Text, endOfMessage: true, ct);
}
