using System.ComponentModel.DataAnnotations;

namespace Compila.Web.Features.Ai;

/// <summary>
/// The <c>Compila:Ai</c> section. With no provider configured every agent runs its offline engine; a provider
/// named by an agent (or the default provider) makes that agent call a model.
/// </summary>
public sealed class AiOptions : IValidatableObject
{
    public const string Section = "Compila:Ai";

    /// <summary>Model endpoints, by name.</summary>
    public List<AiProviderOptions> Providers { get; set; } = [];

    /// <summary>The provider an agent uses when its own settings name none; empty keeps such agents offline.</summary>
    public string? DefaultProvider { get; set; }

    /// <summary>Per-agent settings, keyed by agent name (investigate, note, manager, solve, check, response, precision, tutor…).</summary>
    public Dictionary<string, AiAgentOptions> Agents { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How long one model call may take before the agent falls back.</summary>
    [Range(1, 3600)]
    public int TimeoutSeconds { get; set; } = 30;

    public AiCircuitBreakerOptions CircuitBreaker { get; set; } = new();

    /// <summary>Price per model, in cents per million input and output tokens.</summary>
    public Dictionary<string, AiModelPrice> Prices { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Tokens a learner may spend per UTC day, per plan (<c>free</c>, <c>pro</c>, <c>pro_plus</c>).</summary>
    public Dictionary<string, int> DailyTokenQuota { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["free"] = 20_000,
        ["pro"] = 200_000,
        ["pro_plus"] = 1_000_000,
    };

    public AiProviderOptions? FindProvider(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null : Providers.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>What a typo would otherwise turn silently into "offline": unnamed or unknown providers, impossible limits.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < Providers.Count; i++)
        {
            var provider = Providers[i];
            if (string.IsNullOrWhiteSpace(provider.Name))
            {
                yield return new ValidationResult($"{Section}:Providers:{i}:Name is required.", [nameof(Providers)]);
            }

            if (provider.Kind is not { } kind || !AiProviderOptions.Kinds.Contains(kind, StringComparer.OrdinalIgnoreCase))
            {
                yield return new ValidationResult($"{Section}:Providers:{i}:Kind must be {string.Join(" or ", AiProviderOptions.Kinds)}.", [nameof(Providers)]);
            }
        }

        if (!string.IsNullOrWhiteSpace(DefaultProvider) && FindProvider(DefaultProvider) is null)
        {
            yield return new ValidationResult($"{Section}:DefaultProvider names no provider in {Section}:Providers ('{DefaultProvider}').", [nameof(DefaultProvider)]);
        }

        foreach (var (name, agent) in Agents)
        {
            if (!string.IsNullOrWhiteSpace(agent.Provider) && FindProvider(agent.Provider) is null)
            {
                yield return new ValidationResult($"{Section}:Agents:{name}:Provider names no provider in {Section}:Providers ('{agent.Provider}').", [nameof(Agents)]);
            }

            if (agent.Temperature is < 0 or > 2)
            {
                yield return new ValidationResult($"{Section}:Agents:{name}:Temperature must be between 0 and 2.", [nameof(Agents)]);
            }

            if (agent.MaxTokens is < 1)
            {
                yield return new ValidationResult($"{Section}:Agents:{name}:MaxTokens must be at least 1.", [nameof(Agents)]);
            }
        }

        if (CircuitBreaker.FailureThreshold < 1 || CircuitBreaker.BreakSeconds < 0)
        {
            yield return new ValidationResult($"{Section}:CircuitBreaker: FailureThreshold must be at least 1 and BreakSeconds not negative.", [nameof(CircuitBreaker)]);
        }

        foreach (var plan in DailyTokenQuota.Where(q => q.Value < 0).Select(q => q.Key))
        {
            yield return new ValidationResult($"{Section}:DailyTokenQuota:{plan} must not be negative.", [nameof(DailyTokenQuota)]);
        }

        foreach (var model in Prices.Where(p => p.Value.InputCentsPerMillion < 0 || p.Value.OutputCentsPerMillion < 0).Select(p => p.Key))
        {
            yield return new ValidationResult($"{Section}:Prices:{model} must not be negative.", [nameof(Prices)]);
        }
    }
}

public sealed class AiProviderOptions
{
    public static readonly IReadOnlyList<string> Kinds = ["openai", "anthropic"];

    public string Name { get; set; } = "";

    /// <summary><c>openai</c> (any OpenAI-compatible endpoint: OpenAI, DeepSeek, Groq, Ollama, vLLM) or <c>anthropic</c>.</summary>
    public string Kind { get; set; } = "openai";

    /// <summary>E.g. <c>https://api.openai.com/v1</c>, <c>http://localhost:11434/v1</c>, <c>https://api.anthropic.com</c>.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Secret; never logged nor returned.</summary>
    public string? ApiKey { get; set; }

    public string Model { get; set; } = "";

    public override string ToString() => $"{Name} ({Kind}, {Model})";
}

public sealed class AiAgentOptions
{
    public string? Provider { get; set; }
    public string? Model { get; set; }
    public float? Temperature { get; set; }
    public int? MaxTokens { get; set; }

    /// <summary>False keeps this agent offline even when a default provider is configured.</summary>
    public bool Enabled { get; set; } = true;
}

public sealed class AiCircuitBreakerOptions
{
    /// <summary>Consecutive failures of a provider that open its circuit.</summary>
    public int FailureThreshold { get; set; } = 3;

    /// <summary>How long an open circuit skips the provider.</summary>
    public int BreakSeconds { get; set; } = 60;
}

public sealed class AiModelPrice
{
    public decimal InputCentsPerMillion { get; set; }
    public decimal OutputCentsPerMillion { get; set; }
}
