using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Compila.Submissions.Bench;

/// <summary>
/// One submission made and followed live over <c>/v1/solve</c> through the proxy, as the web app does. When the
/// api instance carrying the socket dies, it reconnects (the proxy picks a live instance) and resumes from the last
/// event it saw (<c>submission_id</c> + <c>after_sequence</c>); a submit whose answer never came is sent again.
/// </summary>
internal static class SolveSession
{
    public sealed record Outcome(Guid SubmissionId, string Status, int ProgressMessages, int Reconnects);

    public static async Task<Outcome> RunAsync(string proxyUrl, string accessToken, Guid challengeId, string code, CancellationToken ct)
    {
        Guid? id = null;
        var sequence = 0;
        var progress = 0;
        for (var reconnects = 0; ; reconnects++)
        {
            try
            {
                using var socket = new ClientWebSocket();
                var uri = new Uri(proxyUrl.Replace("http://", "ws://", StringComparison.Ordinal) + "/v1/solve?access_token=" + Uri.EscapeDataString(accessToken));
                await socket.ConnectAsync(uri, ct);
                JsonObject first = id is { } known
                    ? new JsonObject { ["submission_id"] = known.ToString(), ["after_sequence"] = sequence }
                    : new JsonObject { ["challenge_id"] = challengeId.ToString(), ["language"] = "python", ["code"] = code };
                await socket.SendAsync(Encoding.UTF8.GetBytes(first.ToJsonString()), WebSocketMessageType.Text, true, ct);
                while (true)
                {
                    var message = await ReceiveAsync(socket, ct) ?? throw new WebSocketException("closed before complete");
                    var type = message["type"]?.GetValue<string>();
                    if (message["sequence"] is JsonValue s && s.TryGetValue<int>(out var seq))
                    {
                        sequence = Math.Max(sequence, seq);
                    }

                    if (type == "accepted")
                    {
                        id = Guid.Parse(message["submission_id"]!.GetValue<string>());
                    }
                    else if (type == "error")
                    {
                        throw new InvalidOperationException("solve error: " + message.ToJsonString());
                    }
                    else if (type == "complete")
                    {
                        return new Outcome(id ?? Guid.Parse(message["submission"]!["id"]!.GetValue<string>()),
                            message["submission"]!["status"]!.GetValue<string>(), progress, reconnects);
                    }
                    else
                    {
                        progress++;
                    }
                }
            }
            catch (Exception e) when (e is WebSocketException or HttpRequestException or IOException && reconnects < 40 && !ct.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(300 + (200 * reconnects)), ct);
            }
        }
    }

    static async Task<JsonNode?> ReceiveAsync(ClientWebSocket socket, CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, ct);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return JsonNode.Parse(message.ToArray());
            }
        }
    }
}
