using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Compila.Web.Tests.Features.Ai;

/// <summary>A request the fake model server received.</summary>
public sealed record LlmRequest(string Path, IReadOnlyDictionary<string, string> Headers, JsonObject Body)
{
    /// <summary>Every message's text, system prompt included, in order.</summary>
    public string Prompt
    {
        get
        {
            var parts = new List<string>();
            if (Body["system"] is JsonValue system)
            {
                parts.Add(system.GetValue<string>());
            }

            foreach (var message in Body["messages"] as JsonArray ?? [])
            {
                parts.Add(message!["content"] is JsonValue v ? v.GetValue<string>() : message["content"]?.ToJsonString() ?? "");
            }

            return string.Join("\n", parts);
        }
    }

    public bool IsFor(string agent) => Prompt.Contains($"agente {agent}", StringComparison.Ordinal);
}

/// <summary>A scripted answer: text content, tokens, an optional delay or HTTP status.</summary>
public sealed record LlmReply(string Content, int InputTokens = 100, int OutputTokens = 50, TimeSpan? Delay = null, int Status = 200);

/// <summary>
/// A small HTTP server on 127.0.0.1 (free port) that speaks OpenAI's chat-completions protocol
/// (<c>POST /v1/chat/completions</c>) and Anthropic's messages protocol (<c>POST /v1/messages</c>), records every
/// request and answers from a script.
/// </summary>
public sealed class FakeLlmServer : IAsyncDisposable
{
    readonly HttpListener listener = new();
    readonly CancellationTokenSource stop = new();
    readonly Task loop;

    public FakeLlmServer()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string OpenAiBaseUrl => $"http://127.0.0.1:{Port}/v1";

    public string AnthropicBaseUrl => $"http://127.0.0.1:{Port}";

    public ConcurrentQueue<LlmRequest> Requests { get; } = new();

    /// <summary>Chooses the reply for a request; by default an empty JSON object.</summary>
    public Func<LlmRequest, int, LlmReply> Script { get; set; } = (_, _) => new LlmReply("{}");

    int calls;

    public void Reset(Func<LlmRequest, int, LlmReply> script)
    {
        Requests.Clear();
        Interlocked.Exchange(ref calls, 0);
        Script = script;
    }

    async Task ServeAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = JsonNode.Parse(await reader.ReadToEndAsync())!.AsObject();
            var headers = context.Request.Headers.AllKeys.Where(k => k is not null)
                .ToDictionary(k => k!.ToLowerInvariant(), k => context.Request.Headers[k] ?? "");
            var request = new LlmRequest(context.Request.Url!.AbsolutePath, headers, body);
            Requests.Enqueue(request);
            var reply = Script(request, Interlocked.Increment(ref calls));
            if (reply.Delay is { } delay)
            {
                await Task.Delay(delay, stop.Token);
            }

            var model = body["model"]?.GetValue<string>() ?? "fake";
            if (body["stream"] is JsonValue stream && stream.GetValue<bool>())
            {
                await (request.Path.EndsWith("/messages", StringComparison.Ordinal)
                    ? StreamAnthropicAsync(context, reply, model)
                    : StreamOpenAiAsync(context, reply, model));
                return;
            }

            JsonObject payload = request.Path.EndsWith("/messages", StringComparison.Ordinal)
                ? new JsonObject
                {
                    ["id"] = "msg_fake",
                    ["type"] = "message",
                    ["role"] = "assistant",
                    ["model"] = model,
                    ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = reply.Content }),
                    ["stop_reason"] = "end_turn",
                    ["usage"] = new JsonObject { ["input_tokens"] = reply.InputTokens, ["output_tokens"] = reply.OutputTokens },
                }
                : new JsonObject
                {
                    ["id"] = "chatcmpl-fake",
                    ["object"] = "chat.completion",
                    ["created"] = 1_700_000_000,
                    ["model"] = model,
                    ["choices"] = new JsonArray(new JsonObject
                    {
                        ["index"] = 0,
                        ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = reply.Content },
                        ["finish_reason"] = "stop",
                    }),
                    ["usage"] = new JsonObject
                    {
                        ["prompt_tokens"] = reply.InputTokens,
                        ["completion_tokens"] = reply.OutputTokens,
                        ["total_tokens"] = reply.InputTokens + reply.OutputTokens,
                    },
                };
            var bytes = Encoding.UTF8.GetBytes(payload.ToJsonString());
            context.Response.StatusCode = reply.Status;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes, stop.Token);
            context.Response.Close();
        }
        catch (Exception) when (stop.IsCancellationRequested)
        {
            context.Response.Abort();
        }
        catch (HttpListenerException)
        {
            // The client gave up (a timeout test): nothing to answer.
        }
    }

    /// <summary>OpenAI's server-sent events: the content word by word, then a usage chunk and [DONE].</summary>
    async Task StreamOpenAiAsync(HttpListenerContext context, LlmReply reply, string model)
    {
        context.Response.StatusCode = reply.Status;
        context.Response.ContentType = "text/event-stream";
        var output = context.Response.OutputStream;
        async Task SendAsync(JsonObject chunk)
        {
            await output.WriteAsync(Encoding.UTF8.GetBytes($"data: {chunk.ToJsonString()}\n\n"), stop.Token);
            await output.FlushAsync(stop.Token);
        }

        JsonObject Chunk(JsonNode? delta, string? finish, JsonObject? usage = null) => new()
        {
            ["id"] = "chatcmpl-fake",
            ["object"] = "chat.completion.chunk",
            ["created"] = 1_700_000_000,
            ["model"] = model,
            ["choices"] = delta is null ? new JsonArray() : new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finish }),
            ["usage"] = usage,
        };

        await SendAsync(Chunk(new JsonObject { ["role"] = "assistant", ["content"] = "" }, null));
        foreach (var piece in System.Text.RegularExpressions.Regex.Split(reply.Content, @"(?<=\s)"))
        {
            if (piece.Length > 0)
            {
                await SendAsync(Chunk(new JsonObject { ["content"] = piece }, null));
            }
        }

        await SendAsync(Chunk(new JsonObject(), "stop"));
        await SendAsync(Chunk(null, null, new JsonObject
        {
            ["prompt_tokens"] = reply.InputTokens,
            ["completion_tokens"] = reply.OutputTokens,
            ["total_tokens"] = reply.InputTokens + reply.OutputTokens,
        }));
        await output.WriteAsync(Encoding.UTF8.GetBytes("data: [DONE]\n\n"), stop.Token);
        context.Response.Close();
    }

    /// <summary>Anthropic's server-sent events: message_start, one text block word by word, message_delta, message_stop.</summary>
    async Task StreamAnthropicAsync(HttpListenerContext context, LlmReply reply, string model)
    {
        context.Response.StatusCode = reply.Status;
        context.Response.ContentType = "text/event-stream";
        var output = context.Response.OutputStream;
        async Task SendAsync(string type, JsonObject data)
        {
            data["type"] = type;
            await output.WriteAsync(Encoding.UTF8.GetBytes($"event: {type}\ndata: {data.ToJsonString()}\n\n"), stop.Token);
            await output.FlushAsync(stop.Token);
        }

        await SendAsync("message_start", new JsonObject
        {
            ["message"] = new JsonObject
            {
                ["id"] = "msg_fake",
                ["type"] = "message",
                ["role"] = "assistant",
                ["model"] = model,
                ["content"] = new JsonArray(),
                ["stop_reason"] = null,
                ["usage"] = new JsonObject { ["input_tokens"] = reply.InputTokens, ["output_tokens"] = 1 },
            },
        });
        await SendAsync("content_block_start", new JsonObject { ["index"] = 0, ["content_block"] = new JsonObject { ["type"] = "text", ["text"] = "" } });
        await SendAsync("ping", []);
        foreach (var piece in System.Text.RegularExpressions.Regex.Split(reply.Content, @"(?<=\s)"))
        {
            if (piece.Length > 0)
            {
                await SendAsync("content_block_delta", new JsonObject { ["index"] = 0, ["delta"] = new JsonObject { ["type"] = "text_delta", ["text"] = piece } });
            }
        }

        await SendAsync("content_block_stop", new JsonObject { ["index"] = 0 });
        await SendAsync("message_delta", new JsonObject
        {
            ["delta"] = new JsonObject { ["stop_reason"] = "end_turn", ["stop_sequence"] = null },
            ["usage"] = new JsonObject { ["output_tokens"] = reply.OutputTokens },
        });
        await SendAsync("message_stop", []);
        context.Response.Close();
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        listener.Close();
        try
        {
            await loop;
        }
        catch (ObjectDisposedException)
        {
            // Closing the listener ends the accept loop.
        }

        stop.Dispose();
    }
}
