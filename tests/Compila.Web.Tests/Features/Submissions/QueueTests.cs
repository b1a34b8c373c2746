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
        var settings = RabbitSettings("compila.test." + Guid.NewGuid().ToString("N")[..8]);
        settings["Compila:Role"] = "Api";
        using var app = CompilaApp.With(settings);
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
    public async Task DatabaseQueue_RetriesThenDeadLetters()
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
    public async Task DatabaseQueue_AJobWhoseWorkerDied_IsClaimedAgainAfterTheLease()
    {
        using var app = CompilaApp.With(new() { ["Compila:Queue:LeaseSeconds"] = "2", ["Compila:Queue:Consumers"] = "1", ["Compila:Role"] = "Api" });
        var client = app.CreateClient();
        var user = await client.RegisterAsync();
        client.Authorized(user.AccessToken);
        var challengeId = await SubmissionScenario.ChallengeIdAsync(client);
        var submissionId = await SubmissionScenario.SubmitAsync(client, challengeId, "python", SubmissionScenario.PythonSolution);
        var queue = app.Services.GetRequiredService<ISubmissionQueueConsumer>();
        using var crashed = new CancellationTokenSource();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var taken = new TaskCompletionSource();
        var retried = new TaskCompletionSource<(Guid, int)>();

        // The first worker takes the job and never finishes it, as if its process had been killed.
        var dying = queue.ConsumeAsync(
            async (id, attempt, ct) => { taken.TrySetResult(); await Task.Delay(Timeout.Infinite, ct); },
            (id, reason, ct) => Task.CompletedTask,
            crashed.Token);
        await taken.Task.WaitAsync(stop.Token);
        var survivor = queue.ConsumeAsync(
            (id, attempt, ct) => { retried.TrySetResult((id, attempt)); return Task.CompletedTask; },
            (id, reason, ct) => Task.CompletedTask,
            stop.Token);

        var (id, attempt) = await retried.Task.WaitAsync(stop.Token);
        await crashed.CancelAsync();
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Task.WhenAll(dying, survivor));

        Assert.Equal(submissionId, id);
        Assert.Equal(2, attempt);
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
