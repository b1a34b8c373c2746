using System.Diagnostics.Metrics;
using Compila.Web.Infrastructure.Telemetry;

namespace Compila.Web.Features.Submissions;

/// <summary>
/// The spec's Prometheus example, <c>submissions_total</c> by final status (and language), plus the judge's time per
/// language and the queue's depth and oldest job, sampled by <see cref="Queue.QueueDepthSampler"/>.
/// </summary>
public sealed class SubmissionMetrics : IDisposable
{
    public const string MeterName = "Compila.Submissions";

    readonly Meter meter;
    readonly MetricTags tags;
    readonly Counter<long> total;
    readonly Counter<long> received;
    readonly Histogram<double> judgeSeconds;
    readonly Histogram<double> sandboxSeconds;
    QueueSnapshot queue = new(0, TimeSpan.Zero);

    public SubmissionMetrics(IMeterFactory meters, MetricTags tags)
    {
        this.tags = tags;
        meter = meters.Create(MeterName);
        total = meter.CreateCounter<long>("submissions_total", description: "Submissions judged, by final status and language.");
        received = meter.CreateCounter<long>("submissions_received_total", description: "Submissions accepted by this api instance, by language.");
        judgeSeconds = meter.CreateHistogram<double>("submission_judge_seconds", unit: "s", description: "From submit to final result.");
        sandboxSeconds = meter.CreateHistogram<double>("judge_duration_seconds", unit: "s", description: "Running a submission's tests in the sandbox, by language.");
        meter.CreateObservableGauge("queue_depth", () => new Measurement<long>(queue.Depth, tags.With()), description: "Submissions waiting for a result.");
        meter.CreateObservableGauge("queue_oldest_age_seconds", () => new Measurement<double>(queue.OldestAge.TotalSeconds, tags.With()),
            unit: "s", description: "Age of the oldest submission waiting for a result.");
    }

    public void Received(string language) => received.Add(1, tags.With(("language", language)));

    public void Judged(SubmissionStatus status, string language, TimeSpan sinceSubmit)
    {
        var tagList = tags.With(("status", Infrastructure.Data.EnumLabels.ToLabel(status)), ("language", language));
        total.Add(1, tagList);
        judgeSeconds.Record(sinceSubmit.TotalSeconds, tagList);
    }

    public void JudgeRan(string language, TimeSpan elapsed) => sandboxSeconds.Record(elapsed.TotalSeconds, tags.With(("language", language)));

    internal void QueueSampled(QueueSnapshot snapshot) => queue = snapshot;

    public void Dispose() => meter.Dispose();
}

internal sealed record QueueSnapshot(long Depth, TimeSpan OldestAge);
