using System.Collections.Concurrent;
using System.Diagnostics;
using Compila.Web.Features.Submissions;
using Compila.Web.Tests.Infrastructure;

namespace Compila.Web.Tests.Features.Submissions;

public sealed class SubmissionTraceTests
{
    [Fact]
    public async Task ASubmission_IsOneTrace_FromTheApiThroughTheQueueAndWorkerToTheAgents()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == SubmissionTracing.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        using var database = new TestDatabase();
        using var worker = CompilaApp.With(new() { ["Compila:Role"] = "Worker" }, database);
        using var api = CompilaApp.With(new() { ["Compila:Role"] = "Api" }, database);
        _ = worker.Services;
        var client = api.CreateClient();
        var user = await client.RegisterAsync();
        client.Authorized(user.AccessToken);
        var challengeId = await SubmissionScenario.ChallengeIdAsync(client);

        var id = await SubmissionScenario.SubmitAsync(client, challengeId, "python", SubmissionScenario.PythonStarter);
        await SubmissionScenario.WaitJudgedAsync(client, id);

        var submit = Assert.Single(spans, s => s.OperationName == "submit" && Equals(s.GetTagItem(SubmissionTracing.SubmissionIdTag), id));
        var judge = Assert.Single(spans, s => s.OperationName == "judge" && Equals(s.GetTagItem(SubmissionTracing.SubmissionIdTag), id));
        Assert.Equal(submit.SpanId, judge.ParentSpanId);
        var trace = spans.Where(s => s.TraceId == submit.TraceId).Select(s => s.OperationName).ToHashSet();
        Assert.Superset(new HashSet<string> { "submit", "judge", "sandbox", "solve_operation", "investigation", "check", "response", "record" }, trace);
    }
}
