using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace Compila.Web.Features.Ai;

/// <summary>
/// A small <see cref="IChatClient"/> over Anthropic's Messages API (<c>POST /v1/messages</c>), whole or streamed:
/// system prompt apart, user and assistant turns, text content, token usage from <c>input_tokens</c>/<c>output_tokens</c>.
/// </summary>
public sealed class AnthropicChatClient(HttpClient http, Uri baseUrl, string? apiKey, string model) : IChatClient
{
    public const string ApiVersion = "2023-06-01";

    readonly Uri endpoint = MessagesEndpoint(baseUrl);

    static Uri MessagesEndpoint(Uri baseUrl)
    {
        var text = baseUrl.ToString().TrimEnd('/');
        return new Uri(text.EndsWith("/v1", StringComparison.Ordinal) ? text + "/messages" : text + "/v1/messages");
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var request = Request(messages, options, stream: false);
        using var response = await http.SendAsync(request, cancellationToken);
        EnsureSuccess(response);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var json = JsonNode.Parse(text) ?? throw new JsonException("Empty Anthropic response.");
        var content = string.Concat((json["content"] as JsonArray ?? [])
            .Where(part => part?["type"]?.GetValue<string>() == "text")
            .Select(part => part!["text"]?.GetValue<string>() ?? ""));
        var usage = json["usage"];
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, content))
        {
            ModelId = json["model"]?.GetValue<string>() ?? model,
            ResponseId = json["id"]?.GetValue<string>(),
            FinishReason = FinishReason(json["stop_reason"]),
            Usage = Usage(usage?["input_tokens"]?.GetValue<long>(), usage?["output_tokens"]?.GetValue<long>()),
        };
    }

    /// <summary>
    /// Server-sent events of the Messages API: <c>message_start</c> (model, input tokens), <c>content_block_delta</c>
    /// text deltas as they arrive, <c>message_delta</c> (stop reason, output tokens), <c>message_stop</c>; an
    /// <c>error</c> event fails the call. The last update carries the usage.
    /// </summary>
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var request = Request(messages, options, stream: true);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        EnsureSuccess(response);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        string? responseModel = null, id = null;
        long? input = null, output = null;
        ChatFinishReason? finish = null;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (!line.StartsWith("data:", StringComparison.Ordinal) || JsonNode.Parse(line[5..]) is not JsonObject data)
            {
                continue;
            }

            var delta = data["delta"] as JsonObject;
            var deltaText = delta?["type"]?.GetValue<string>() == "text_delta" ? delta["text"]?.GetValue<string>() : null;
            switch (data["type"]?.GetValue<string>())
            {
                case "message_start":
                    responseModel = data["message"]?["model"]?.GetValue<string>();
                    id = data["message"]?["id"]?.GetValue<string>();
                    input = data["message"]?["usage"]?["input_tokens"]?.GetValue<long>();
                    break;
                case "content_block_delta" when deltaText is not null:
                    yield return new ChatResponseUpdate(ChatRole.Assistant, deltaText)
                    {
                        ModelId = responseModel ?? model,
                        ResponseId = id,
                    };
                    break;
                case "message_delta":
                    output = data["usage"]?["output_tokens"]?.GetValue<long>() ?? output;
                    finish = FinishReason(delta?["stop_reason"]);
                    break;
                case "error":
                    // The message may quote the request; only the error's type goes into the exception.
                    throw new HttpRequestException($"Anthropic stream failed: {data["error"]?["type"]?.GetValue<string>() ?? "error"}.");
                case "message_stop":
                    yield return new ChatResponseUpdate(ChatRole.Assistant, [new UsageContent(Usage(input, output))])
                    {
                        ModelId = responseModel ?? model,
                        ResponseId = id,
                        FinishReason = finish ?? ChatFinishReason.Stop,
                    };
                    yield break;
            }
        }

        throw new HttpRequestException("Anthropic stream ended before message_stop.");
    }

    HttpRequestMessage Request(IEnumerable<ChatMessage> messages, ChatOptions? options, bool stream)
    {
        var list = messages.ToList();
        var body = new JsonObject
        {
            ["model"] = options?.ModelId ?? model,
            ["max_tokens"] = options?.MaxOutputTokens ?? 1024,
        };
        var system = string.Join("\n\n", list.Where(m => m.Role == ChatRole.System).Select(m => m.Text));
        if (system.Length > 0)
        {
            body["system"] = system;
        }

        if (options?.Temperature is { } temperature)
        {
            body["temperature"] = temperature;
        }

        if (stream)
        {
            body["stream"] = true;
        }

        body["messages"] = new JsonArray(list.Where(m => m.Role != ChatRole.System).Select(message => (JsonNode)new JsonObject
        {
            ["role"] = message.Role == ChatRole.Assistant ? "assistant" : "user",
            ["content"] = message.Text,
        }).ToArray());

        var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = JsonContent.Create(body) };
        request.Headers.Add("anthropic-version", ApiVersion);
        if (!string.IsNullOrEmpty(apiKey))
        {
            request.Headers.Add("x-api-key", apiKey);
        }

        return request;
    }

    static void EnsureSuccess(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            // The body may echo the request; only the status goes into the exception.
            throw new HttpRequestException($"Anthropic answered {(int)response.StatusCode}.", null, response.StatusCode);
        }
    }

    static ChatFinishReason FinishReason(JsonNode? stopReason) =>
        stopReason?.GetValue<string>() == "max_tokens" ? ChatFinishReason.Length : ChatFinishReason.Stop;

    static UsageDetails Usage(long? input, long? output) => new()
    {
        InputTokenCount = input,
        OutputTokenCount = output,
        TotalTokenCount = (input ?? 0) + (output ?? 0),
    };

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
        // The HttpClient belongs to the factory that created it.
    }
}
