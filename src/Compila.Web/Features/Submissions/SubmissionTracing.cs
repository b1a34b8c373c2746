using System.Diagnostics;

namespace Compila.Web.Features.Submissions;

/// <summary>
/// One trace per submission: the api's <c>submit</c> span is stored with the submission (<c>trace_parent</c>, W3C
/// traceparent), so whichever worker takes the job — database queue or RabbitMQ, first delivery or a retry after a
/// crash — continues the same trace with <c>judge</c>, <c>sandbox</c>, the agents' spans and <c>record</c>.
/// </summary>
public static class SubmissionTracing
{
    public const string SourceName = "Compila.Submissions";

    public static readonly ActivitySource Source = new(SourceName);

    public const string SubmissionIdTag = "submission.id";

    /// <summary>The current span as a W3C traceparent, or null when nothing is being traced.</summary>
    public static string? CurrentTraceParent() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : null;

    /// <summary>Starts the worker's span as a child of the api's, when the submission carries one.</summary>
    public static Activity? StartJudging(Guid submissionId, string? traceParent, int attempt)
    {
        var parent = ActivityContext.TryParse(traceParent, null, isRemote: true, out var context) ? context : default;
        var activity = Source.StartActivity("judge", ActivityKind.Consumer, parent);
        activity?.SetTag(SubmissionIdTag, submissionId);
        activity?.SetTag("messaging.delivery.attempt", attempt);
        return activity;
    }
}
