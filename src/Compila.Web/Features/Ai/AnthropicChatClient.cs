using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace Compila.Web.Features.Ai;

/// <summary>
/// A small <see cref="IChatClient"/> over Anthropic's Messages API (<c>POST /v1/messages</c>): system prompt apart,
/// user and assistant turns, text content, token usage from <c>usage.input_tokens</c>/<c>output_tokens</c>.
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

        var turns = new JsonArray();
        foreach (var message in list.Where(m => m.Role != ChatRole.System))
        {
            turns.Add(new JsonObject
            {
                ["role"] = message.Role == ChatRole.Assistant ? "assistant" : "user",
                ["content"] = message.Text,
            });
        }

        body["messages"] = turns;

        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = JsonContent.Create(body) };
        request.Headers.Add("anthropic-version", ApiVersion);
        if (!string.IsNullOrEmpty(apiKey))
        {
            request.Headers.Add("x-api-key", apiKey);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            // The body may echo the request; only the status goes into the exception.
            throw new HttpRequestException($"Anthropic answered {(int)response.StatusCode}.", null, response.StatusCode);
        }

        var json = JsonNode.Parse(text) ?? throw new JsonException("Empty Anthropic response.");
        var content = string.Concat((json["content"] as JsonArray ?? [])
            .Where(part => part?["type"]?.GetValue<string>() == "text")
            .Select(part => part!["text"]?.GetValue<string>() ?? ""));
        var usage = json["usage"];
        long? input = usage?["input_tokens"]?.GetValue<long>();
        long? output = usage?["output_tokens"]?.GetValue<long>();
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, content))
        {
            ModelId = json["model"]?.GetValue<string>() ?? model,
            ResponseId = json["id"]?.GetValue<string>(),
            FinishReason = json["stop_reason"]?.GetValue<string>() == "max_tokens" ? ChatFinishReason.Length : ChatFinishReason.Stop,
            Usage = new UsageDetails
            {
                InputTokenCount = input,
                OutputTokenCount = output,
                TotalTokenCount = (input ?? 0) + (output ?? 0),
            },
        };
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // One update with the whole answer: callers that stream get the same text, without SSE parsing here.
        var response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
        // The HttpClient belongs to the factory that created it.
    }
}
