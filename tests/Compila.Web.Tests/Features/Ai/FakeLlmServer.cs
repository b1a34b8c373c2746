using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

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
/// A small HTTP server (Kestrel, on a port of 127.0.0.1 the kernel picks) that speaks OpenAI's chat-completions protocol
/// (<c>POST /v1/chat/completions</c>) and Anthropic's messages protocol (<c>POST /v1/messages</c>), records every
/// request and answers from a script.
/// </summary>
public sealed class FakeLlmServer : IAsyncDisposable
{
    readonly CancellationTokenSource stop = new();
    readonly WebApplication server;

    public FakeLlmServer()
    {
        // Kestrel binds port 0 itself: no probe-then-bind race with other listeners of the test run.
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        server = builder.Build();
        server.Run(HandleAsync);
        server.StartAsync().GetAwaiter().GetResult();
        Port = new Uri(server.Urls.Single()).Port;
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

    async Task HandleAsync(HttpContext context)
    {
        using var gone = CancellationTokenSource.CreateLinkedTokenSource(stop.Token, context.RequestAborted);
        var ct = gone.Token;
        try
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var body = JsonNode.Parse(await reader.ReadToEndAsync(ct))!.AsObject();
            var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
            var request = new LlmRequest(context.Request.Path.Value ?? "/", headers, body);
            Requests.Enqueue(request);
            var reply = Script(request, Interlocked.Increment(ref calls));
            if (reply.Delay is { } delay)
            {
                await Task.Delay(delay, ct);
            }

            var model = body["model"]?.GetValue<string>() ?? "fake";
            if (body["stream"] is JsonValue stream && stream.GetValue<bool>())
            {
                await (request.Path.EndsWith("/messages", StringComparison.Ordinal)
                    ? StreamAnthropicAsync(context.Response, reply, model, ct)
                    : StreamOpenAiAsync(context.Response, reply, model, ct));
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
            await context.Response.Body.WriteAsync(bytes, ct);
        }
        catch (Exception) when (ct.IsCancellationRequested)
        {
            // The client gave up (a timeout test) or the server is stopping: nothing to answer.
            context.Abort();
        }
    }

    /// <summary>OpenAI's server-sent events: the content word by word, then a usage chunk and [DONE].</summary>
    static async Task StreamOpenAiAsync(HttpResponse response, LlmReply reply, string model, CancellationToken ct)
    {
        response.StatusCode = reply.Status;
        response.ContentType = "text/event-stream";
        var output = response.Body;
        async Task SendAsync(JsonObject chunk)
        {
            await output.WriteAsync(Encoding.UTF8.GetBytes($"data: {chunk.ToJsonString()}\n\n"), ct);
            await output.FlushAsync(ct);
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
        await output.WriteAsync(Encoding.UTF8.GetBytes("data: [DONE]\n\n"), ct);
    }

    /// <summary>Anthropic's server-sent events: message_start, one text block word by word, message_delta, message_stop.</summary>
    static async Task StreamAnthropicAsync(HttpResponse response, LlmReply reply, string model, CancellationToken ct)
    {
        response.StatusCode = reply.Status;
        response.ContentType = "text/event-stream";
        var output = response.Body;
        async Task SendAsync(string type, JsonObject data)
        {
            data["type"] = type;
            await output.WriteAsync(Encoding.UTF8.GetBytes($"event: {type}\ndata: {data.ToJsonString()}\n\n"), ct);
            await output.FlushAsync(ct);
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
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await server.StopAsync();
        await server.DisposeAsync();
        stop.Dispose();
    }
}
