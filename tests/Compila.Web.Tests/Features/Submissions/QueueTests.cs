using System.Collections.Concurrent;
using Compila.Web.Features.Submissions;
using Compila.Web.Features.Submissions.Queue;
using Compila.Web.Infrastructure.Data;
using Compila.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Compila.Web.Tests.Features.Submissions;

public sealed class QueueTests
{
    static Dictionary<string, string?> RabbitSettings(string queueName) => new()
    {
        ["Compila:Queue:RabbitMq"] = RabbitMqServer.Uri,
        ["Compila:Queue:QueueName"] = queueName,
        ["Compila:Queue:MaxAttempts"] = "2",
    };

    [Fact]
    public async Task RabbitMq_SubmissionsAreJudgedThroughTheBroker()
    {
        using var app = CompilaApp.With(RabbitSettings("compila.test." + Guid.NewGuid().ToString("N")[..8]));
        var client = app.CreateClient();
        var user = await client.RegisterAsync();
        client.Authorized(user.AccessToken);
        var challengeId = await SubmissionScenario.ChallengeIdAsync(client);

        var passed = await SubmissionScenario.WaitJudgedAsync(client, await SubmissionScenario.SubmitAsync(client, challengeId, "python", SubmissionScenario.PythonSolution));
        var failed = await SubmissionScenario.WaitJudgedAsync(client, await SubmissionScenario.SubmitAsync(client, challengeId, "python", SubmissionScenario.PythonStarter));

        Assert.Equal("passed", passed["status"]!.GetValue<string>());
        Assert.NotEqual("passed", failed["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task RabbitMq_AfterMaxDeliveries_IsDeadLettered()
    {
        using var app = CompilaApp.With(RabbitSettings("compila.test." + Guid.NewGuid().ToString("N")[..8]) );
        var queue = ActivatorUtilities.CreateInstance<RabbitMqSubmissionQueueProbe>(app.Services);
        var submissionId = Guid.NewGuid();
        var attempts = new ConcurrentBag<int>();
        var dead = new TaskCompletionSource<(Guid, string)>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        await queue.Queue.PublishAsync(submissionId, stop.Token);
        var consuming = queue.Consumer.ConsumeAsync(
            (id, attempt, ct) => { attempts.Add(attempt); throw new InvalidOperationException("sandbox quebrado"); },
            (id, reason, ct) => { dead.TrySetResult((id, reason)); return Task.CompletedTask; },
            stop.Token);

        var (deadId, reason) = await dead.Task.WaitAsync(stop.Token);
        await stop.CancelAsync();
        await consuming;

        Assert.Equal(submissionId, deadId);
        Assert.Contains("dead-lettered", reason, StringComparison.Ordinal);
        Assert.Equal(3, attempts.Count);
    }

    [Fact]
    public async Task DatabaseQueue_RetriesThenDeadLetters_AndALapsedLeaseIsClaimedAgain()
    {
        using var app = CompilaApp.With(new() { ["Compila:Queue:MaxAttempts"] = "2", ["Compila:Queue:Consumers"] = "1", ["Compila:Role"] = "Api" });
        var client = app.CreateClient();
        var user = await client.RegisterAsync();
        client.Authorized(user.AccessToken);
        var challengeId = await SubmissionScenario.ChallengeIdAsync(client);
        var submissionId = await SubmissionScenario.SubmitAsync(client, challengeId, "python", SubmissionScenario.PythonSolution);
        var queue = app.Services.GetRequiredService<ISubmissionQueueConsumer>();
        var attempts = new ConcurrentBag<int>();
        var dead = new TaskCompletionSource<Guid>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var consuming = queue.ConsumeAsync(
            (id, attempt, ct) => { attempts.Add(attempt); throw new InvalidOperationException("sandbox quebrado"); },
            (id, reason, ct) => { dead.TrySetResult(id); return Task.CompletedTask; },
            stop.Token);
        var deadId = await dead.Task.WaitAsync(stop.Token);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => consuming);

        Assert.Equal(submissionId, deadId);
        Assert.Equal([1, 2], attempts.Order());
    }

    [Fact]
    public async Task DeadLetteredSubmission_EndsFailedWithAnHonestMessage()
    {
        using var app = CompilaApp.With(new() { ["Compila:Role"] = "Api" });
        var client = app.CreateClient();
        var user = await client.RegisterAsync();
        client.Authorized(user.AccessToken);
        var challengeId = await SubmissionScenario.ChallengeIdAsync(client);
        var submissionId = await SubmissionScenario.SubmitAsync(client, challengeId, "python", SubmissionScenario.PythonSolution);

        await app.Services.GetRequiredService<Compila.Web.Features.Submissions.Judging.SubmissionJudge>()
            .DeadLetterAsync(submissionId, "test", CancellationToken.None);

        var body = await SubmissionScenario.WaitJudgedAsync(client, submissionId);
        Assert.Equal("failed", body["status"]!.GetValue<string>());
        Assert.Contains("Não conseguimos avaliar", body["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, body["xpGained"]!.GetValue<int>());
    }
}

/// <summary>Builds the RabbitMQ transport from the app's options, for driving it directly.</summary>
public sealed class RabbitMqSubmissionQueueProbe(IServiceProvider services)
{
    public ISubmissionQueue Queue { get; } = services.GetRequiredService<ISubmissionQueue>();
    public ISubmissionQueueConsumer Consumer { get; } = services.GetRequiredService<ISubmissionQueueConsumer>();
}
