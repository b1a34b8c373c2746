using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Compila.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using OpenAI;

namespace Compila.Web.Features.Ai;

/// <summary>What an agent calls a model with: provider, model and sampling settings.</summary>
public sealed record AiAgentSettings(string Agent, AiProviderOptions Provider, string Model, float Temperature, int MaxTokens);

/// <summary>Who is calling and why, for <c>ai_usage_logs</c>.</summary>
public sealed record AiCallContext(Guid? UserId, string Agent, string Action);

public sealed record AiCallResult(AiCallStatus Status, string? Text, int InputTokens, int OutputTokens, string Model)
{
    /// <summary>The <c>ai_usage_logs</c> row of this call, when one was written.</summary>
    public Guid? LogId { get; init; }

    public int TotalTokens => InputTokens + OutputTokens;
    public bool Succeeded => Status == AiCallStatus.Success && Text is not null;
}

/// <summary>A validated JSON answer (null when the model failed twice), with the tokens the attempts cost.</summary>
public sealed record AiJsonResult(JsonNode? Value, int TotalTokens, AiCallStatus Status, string Model);

/// <summary>
/// The one door to language models, shared by the Smart Solver's agents and the tutor: builds an
/// <see cref="IChatClient"/> per provider and model (OpenAI-compatible or Anthropic), enforces the timeout and the
/// circuit breaker, and writes every call to <c>ai_usage_logs</c> with its tokens, cost and latency.
/// Failures come back as a status, never as an exception: callers fall back to their offline engine.
/// </summary>
public sealed partial class AiGateway(
    IOptionsMonitor<AiOptions> options,
    IHttpClientFactory httpClients,
    AiCircuitBreaker breaker,
    IServiceScopeFactory scopes,
    TimeProvider clock,
    AiMetrics metrics,
    ILogger<AiGateway> logger)
{
    public const string HttpClientName = "compila-ai";

    readonly ConcurrentDictionary<string, IChatClient> clients = new(StringComparer.Ordinal);

    /// <summary>The settings an agent calls a model with, or null when it runs offline.</summary>
    public AiAgentSettings? Resolve(string agent)
    {
        var current = options.CurrentValue;
        current.Agents.TryGetValue(agent, out var own);
        if (own is { Enabled: false })
        {
            return null;
        }

        var provider = current.FindProvider(own?.Provider ?? current.DefaultProvider);
        if (provider is null)
        {
            return null;
        }

        var model = string.IsNullOrWhiteSpace(own?.Model) ? provider.Model : own.Model;
        return string.IsNullOrWhiteSpace(model) ? null
            : new AiAgentSettings(agent, provider, model, own?.Temperature ?? 0.2f, own?.MaxTokens ?? 1500);
    }

    public async Task<AiCallResult> CompleteAsync(AiCallContext context, AiAgentSettings settings, IList<ChatMessage> messages, bool json, CancellationToken ct)
    {
        if (breaker.IsOpen(settings.Provider.Name))
        {
            logger.LogInformation("AI provider {Provider} skipped: circuit open.", settings.Provider.Name);
            return new AiCallResult(AiCallStatus.Error, null, 0, 0, settings.Model);
        }

        var timeout = TimeSpan.FromSeconds(Math.Max(1, options.CurrentValue.TimeoutSeconds));
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        var watch = Stopwatch.StartNew();
        AiCallResult result;
        try
        {
            var chatOptions = new ChatOptions
            {
                ModelId = settings.Model,
                Temperature = settings.Temperature,
                MaxOutputTokens = settings.MaxTokens,
                ResponseFormat = json ? ChatResponseFormat.Json : null,
            };
            var response = await Client(settings).GetResponseAsync(messages, chatOptions, deadline.Token);
            var input = (int)(response.Usage?.InputTokenCount ?? 0);
            var output = (int)(response.Usage?.OutputTokenCount ?? 0);
            result = new AiCallResult(AiCallStatus.Success, response.Text, input, output, response.ModelId ?? settings.Model);
            breaker.RecordSuccess(settings.Provider.Name);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("AI call {Agent}/{Action} to {Provider} timed out after {Timeout}.", context.Agent, context.Action, settings.Provider.Name, timeout);
            result = new AiCallResult(AiCallStatus.Timeout, null, 0, 0, settings.Model);
            breaker.RecordFailure(settings.Provider.Name);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The exception's type and status only: provider messages can echo request details.
            logger.LogWarning("AI call {Agent}/{Action} to {Provider} failed: {Error}.", context.Agent, context.Action, settings.Provider.Name, Describe(ex));
            result = new AiCallResult(AiCallStatus.Error, null, 0, 0, settings.Model);
            breaker.RecordFailure(settings.Provider.Name);
        }

        return result with { LogId = await LogAsync(context, result.Status, result, (int)watch.ElapsedMilliseconds, ct) };
    }

    /// <summary>
    /// Asks for JSON matching <paramref name="schema"/>; an invalid answer gets one repair attempt (the model sees its
    /// answer and what is wrong); a second invalid answer, a timeout or an error gives a null value.
    /// </summary>
    public async Task<AiJsonResult> CompleteJsonAsync(AiCallContext context, AiAgentSettings settings, IList<ChatMessage> messages, JsonObject schema, CancellationToken ct)
    {
        var first = await CompleteAsync(context, settings, messages, json: true, ct);
        if (!first.Succeeded)
        {
            return new AiJsonResult(null, first.TotalTokens, first.Status, first.Model);
        }

        var value = StructuredOutput.TryRead(first.Text!, schema, out var error);
        if (value is not null)
        {
            return new AiJsonResult(value, first.TotalTokens, AiCallStatus.Success, first.Model);
        }

        await MarkInvalidAsync(first.LogId, ct);
        List<ChatMessage> repair =
        [
            .. messages,
            new(ChatRole.Assistant, first.Text),
            new(ChatRole.User, $"Sua resposta não segue o formato pedido ({error}). Responda de novo apenas com o JSON corrigido, sem texto nem markdown, seguindo este JSON Schema:\n{schema.ToJsonString()}"),
        ];
        var second = await CompleteAsync(context with { Action = context.Action + ":repair" }, settings, repair, json: true, ct);
        var tokens = first.TotalTokens + second.TotalTokens;
        if (!second.Succeeded)
        {
            return new AiJsonResult(null, tokens, second.Status, first.Model);
        }

        value = StructuredOutput.TryRead(second.Text!, schema, out _);
        if (value is null)
        {
            await MarkInvalidAsync(second.LogId, ct);
        }

        return new AiJsonResult(value, tokens, value is null ? AiCallStatus.Invalid : AiCallStatus.Success, first.Model);
    }

    public int CostCents(string model, int inputTokens, int outputTokens)
    {
        if (!options.CurrentValue.Prices.TryGetValue(model, out var price))
        {
            return 0;
        }

        var cents = (inputTokens * price.InputCentsPerMillion + outputTokens * price.OutputCentsPerMillion) / 1_000_000m;
        return (int)Math.Round(cents, MidpointRounding.AwayFromZero);
    }

    IChatClient Client(AiAgentSettings settings) =>
        clients.GetOrAdd($"{settings.Provider.Name}\n{settings.Provider.Kind}\n{settings.Provider.BaseUrl}\n{settings.Model}", _ => Create(settings));

    IChatClient Create(AiAgentSettings settings)
    {
        var provider = settings.Provider;
        var http = httpClients.CreateClient(HttpClientName);
        if (string.Equals(provider.Kind, "anthropic", StringComparison.OrdinalIgnoreCase))
        {
            return new AnthropicChatClient(http, new Uri(provider.BaseUrl ?? "https://api.anthropic.com"), provider.ApiKey, settings.Model);
        }

        var clientOptions = new OpenAIClientOptions
        {
            Transport = new HttpClientPipelineTransport(http),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = Timeout.InfiniteTimeSpan,
        };
        if (!string.IsNullOrWhiteSpace(provider.BaseUrl))
        {
            clientOptions.Endpoint = new Uri(provider.BaseUrl);
        }

        // Local servers (Ollama, vLLM) take any key; the SDK insists on one.
        var key = string.IsNullOrEmpty(provider.ApiKey) ? "unused" : provider.ApiKey;
        return new OpenAI.Chat.ChatClient(settings.Model, new ApiKeyCredential(key), clientOptions).AsIChatClient();
    }

    async Task<Guid?> LogAsync(AiCallContext context, AiCallStatus status, AiCallResult result, int latencyMs, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CompilaDb>();
            var row = new AiUsageLog
            {
                UserId = context.UserId,
                Agent = Truncate(context.Agent, 50),
                Action = Truncate(context.Action, 100),
                InputTokens = result.InputTokens,
                OutputTokens = result.OutputTokens,
                TotalTokens = result.TotalTokens,
                ModelUsed = Truncate(result.Model, 100),
                CostCents = CostCents(result.Model, result.InputTokens, result.OutputTokens),
                LatencyMs = latencyMs,
                Status = status,
                CreatedAt = clock.GetUtcNow(),
            };
            metrics.Used(row.Agent, row.ModelUsed, row.InputTokens, row.OutputTokens, row.CostCents);
            db.Set<AiUsageLog>().Add(row);
            await db.SaveChangesAsync(ct);
            return row.Id;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not record AI usage for {Agent}/{Action}.", context.Agent, context.Action);
            return null;
        }
    }

    /// <summary>The logged call answered, but not with valid JSON.</summary>
    async Task MarkInvalidAsync(Guid? logId, CancellationToken ct)
    {
        if (logId is null)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CompilaDb>();
        await db.Set<AiUsageLog>().Where(l => l.Id == logId)
            .ExecuteUpdateAsync(l => l.SetProperty(x => x.Status, AiCallStatus.Invalid), ct);
    }

    static string Describe(Exception ex) => ex switch
    {
        HttpRequestException http => $"{nameof(HttpRequestException)} {(int?)http.StatusCode}",
        ClientResultException client => $"{nameof(ClientResultException)} {client.Status}",
        _ => ex.GetType().Name,
    };

    static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
