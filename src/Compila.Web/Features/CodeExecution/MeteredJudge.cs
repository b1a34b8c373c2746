using System.Diagnostics.Metrics;
using Compila.Judge;
using Compila.Web.Infrastructure.Telemetry;

namespace Compila.Web.Features.CodeExecution;

/// <summary>
/// Counts the judge's own failures (a run that ended in <see cref="RunStatus.InternalError"/>: the sandbox, not the
/// learner's code) for every caller, code execution and submissions alike.
/// </summary>
internal sealed class MeteredJudge : IJudge, IDisposable
{
    public const string MeterName = "Compila.Judge";

    readonly IJudge inner;
    readonly MetricTags tags;
    readonly Meter meter;
    readonly Counter<long> sandboxFailures;

    public MeteredJudge(IJudge inner, IMeterFactory meters, MetricTags tags)
    {
        this.inner = inner;
        this.tags = tags;
        meter = meters.Create(MeterName);
        sandboxFailures = meter.CreateCounter<long>("sandbox_failures", description: "Runs the sandbox failed to carry out (internal errors), by language.");
    }

    public SandboxStatus Sandbox => inner.Sandbox;

    public IReadOnlyList<LanguageInfo> Languages => inner.Languages;

    public async Task<RunResult> RunAsync(RunRequest request, CancellationToken cancellationToken = default)
    {
        var result = await inner.RunAsync(request, cancellationToken);
        Count(request.Language, result.Status == RunStatus.InternalError ? 1 : 0);
        return result;
    }

    public async Task<BatchResult> RunBatchAsync(BatchRequest request, CancellationToken cancellationToken = default)
    {
        var result = await inner.RunBatchAsync(request, cancellationToken);
        Count(request.Language, result.Runs.Count(r => r.Status == RunStatus.InternalError));
        return result;
    }

    void Count(string language, int failures)
    {
        if (failures > 0)
        {
            sandboxFailures.Add(failures, tags.With(("language", language)));
        }
    }

    public void Dispose() => meter.Dispose();
}
