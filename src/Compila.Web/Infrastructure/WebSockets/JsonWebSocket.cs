using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

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

    /// <summary>Sends <paramref name="message"/> as web JSON, by its runtime type (its <c>type</c> first).</summary>
    public static Task SendAsync(WebSocket socket, SocketMessage message, CancellationToken ct) =>
        SendJsonAsync(socket, JsonSerializer.Serialize(message, message.GetType(), JsonSerializerOptions.Web), ct);

    /// <summary>Sends JSON that was serialized earlier (a stored event, already a <see cref="SocketMessage"/>'s JSON).</summary>
    public static Task SendJsonAsync(WebSocket socket, string json, CancellationToken ct) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, ct);
}
