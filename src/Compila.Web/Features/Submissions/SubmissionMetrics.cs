using System.Diagnostics.Metrics;

namespace Compila.Web.Features.Submissions;

/// <summary>The spec's Prometheus example: <c>submissions_total</c> tagged by final status.</summary>
public sealed class SubmissionMetrics : IDisposable
{
    public const string MeterName = "Compila.Submissions";

    readonly Meter meter;
    readonly Counter<long> total;
    readonly Histogram<double> judgeSeconds;

    public SubmissionMetrics(IMeterFactory meters)
    {
        meter = meters.Create(MeterName);
        total = meter.CreateCounter<long>("submissions_total", description: "Submissions judged, by final status.");
        judgeSeconds = meter.CreateHistogram<double>("submission_judge_seconds", unit: "s", description: "From submit to final result.");
    }

    public void Judged(SubmissionStatus status, TimeSpan sinceSubmit)
    {
        var tag = new KeyValuePair<string, object?>("status", Infrastructure.Data.EnumLabels.ToLabel(status));
        total.Add(1, tag);
        judgeSeconds.Record(sinceSubmit.TotalSeconds, tag);
    }

    public void Dispose() => meter.Dispose();
}
