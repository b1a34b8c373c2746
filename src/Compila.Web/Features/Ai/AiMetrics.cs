using System.Diagnostics.Metrics;
using Compila.Web.Infrastructure.Telemetry;

namespace Compila.Web.Features.Ai;

/// <summary>Model usage by agent and model: tokens and cost, as written to <c>ai_usage_logs</c>.</summary>
public sealed class AiMetrics : IDisposable
{
    public const string MeterName = "Compila.Ai";

    readonly Meter meter;
    readonly MetricTags tags;
    readonly Counter<long> tokens;
    readonly Counter<long> costCents;

    public AiMetrics(IMeterFactory meters, MetricTags tags)
    {
        this.tags = tags;
        meter = meters.Create(MeterName);
        tokens = meter.CreateCounter<long>("ai_tokens", unit: "{token}", description: "Model tokens used, by agent, model and direction.");
        costCents = meter.CreateCounter<long>("ai_cost_cents", unit: "{cent}", description: "Estimated model cost in US cents, by agent and model.");
    }

    public void Used(string agent, string? model, int inputTokens, int outputTokens, int cents)
    {
        var modelTag = string.IsNullOrEmpty(model) ? "none" : model;
        tokens.Add(inputTokens, tags.With(("agent", agent), ("model", modelTag), ("direction", "input")));
        tokens.Add(outputTokens, tags.With(("agent", agent), ("model", modelTag), ("direction", "output")));
        costCents.Add(cents, tags.With(("agent", agent), ("model", modelTag)));
    }

    public void Dispose() => meter.Dispose();
}
