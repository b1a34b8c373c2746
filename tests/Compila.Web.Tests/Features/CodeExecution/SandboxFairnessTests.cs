using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Compila.Web.Features.CodeExecution.Fairness;
using Compila.Web.Tests.Features.Submissions;
using Compila.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Compila.Web.Tests.Features.CodeExecution;

/// <summary>Issue 14: one account must not starve the sandbox for everyone else.</summary>
public sealed class SandboxFairnessTests
{
    const string Sleep3 = "import time\ntime.sleep(3)\nprint('acordei')";

    static Dictionary<string, string?> Settings(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Compila:Judge:PoolSize"] = "1",
            ["Compila:Sandbox:MaxWaitSeconds"] = "120",
            ["Compila:Sandbox:SecondsPerWindow"] = "1000",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    static async Task<(HttpClient Client, TestUser User)> LearnerAsync(CompilaApp app)
    {
        var client = app.CreateClient();
        var user = await client.RegisterAsync();
        return (client.Authorized(user.AccessToken), user);
    }

    static Task<HttpResponseMessage> RunAsync(HttpClient client, string code) =>
        client.PostAsJsonAsync("/v1/code/execute", new { language = "python", code, timeout = 20 });

    /// <summary>Waits (without asserting on time) until the scheduler holds what the scenario set up.</summary>
    static async Task WaitHeldAsync(CompilaApp app, TestUser user, (int Running, int Waiting) expected)
    {
        var scheduler = app.Services.GetRequiredService<SandboxScheduler>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (scheduler.Held(user.Id.ToString("N")) != expected)
        {
            Assert.True(DateTime.UtcNow < deadline, $"scheduler never held {expected} for {user.Username}: {scheduler.Held(user.Id.ToString("N"))}");
            await Task.Delay(20);
        }
    }

    static int RetryAfter(HttpResponseMessage response) =>
        int.Parse(response.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture);

    [Fact]
    public async Task VictimRun_IsServedBeforeTheHostileUsersBacklog_AndTheHostileExtraRunGets429()
    {
        using var app = CompilaApp.With(Settings());
        var (hostile, hostileUser) = await LearnerAsync(app);
        var (victim, victimUser) = await LearnerAsync(app);

        var first = RunAsync(hostile, Sleep3);
        await WaitHeldAsync(app, hostileUser, (1, 0));
        var backlog = new[] { RunAsync(hostile, Sleep3), RunAsync(hostile, Sleep3) };
        await WaitHeldAsync(app, hostileUser, (1, 2));

        var extra = await RunAsync(hostile, Sleep3);
        var problem = await extra.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.InRange(RetryAfter(extra), 1, 60);
        Assert.Contains("execuções", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        var victimRun = RunAsync(victim, "print(1)");
        await WaitHeldAsync(app, victimUser, (0, 1));
        var served = await victimRun;

        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("1\n", (await served.ReadJsonAsync())["output"]!.GetValue<string>());
        Assert.All(backlog, run => Assert.False(run.IsCompleted, "a hostile queued run finished before the victim's"));
        foreach (var run in backlog.Prepend(first))
        {
            Assert.Equal(HttpStatusCode.OK, (await run).StatusCode);
        }
    }

    [Fact]
    public async Task OverTheSecondsBudget_Returns429_WhileAnotherUserKeepsTheirOwnBudget()
    {
        using var app = CompilaApp.With(Settings(("Compila:Sandbox:SecondsPerWindow", "1"), ("Compila:Sandbox:WindowSeconds", "600")));
        var (spender, _) = await LearnerAsync(app);
        var (other, _) = await LearnerAsync(app);

        var spent = await RunAsync(spender, "import time\ntime.sleep(1.2)");
        Assert.Equal(HttpStatusCode.OK, spent.StatusCode);
        Assert.Equal("0", spent.Headers.GetValues("X-Sandbox-Seconds-Remaining").Single());

        var refused = await RunAsync(spender, "print(1)");
        var problem = await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.InRange(RetryAfter(refused), 1, 600);
        Assert.Contains("tempo de sandbox", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        var unaffected = await RunAsync(other, "print(1)");
        Assert.Equal(HttpStatusCode.OK, unaffected.StatusCode);
        var remaining = double.Parse(unaffected.Headers.GetValues("X-Sandbox-Seconds-Remaining").Single(), CultureInfo.InvariantCulture);
        Assert.True(remaining > 0, $"the other user saw {remaining} s left: someone else's spending");
    }

    [Fact]
    public async Task WhenThePlatformQueueIsFull_Returns503WithRetryAfter_AtOnce()
    {
        using var app = CompilaApp.With(Settings(("Compila:Sandbox:QueueCapacity", "1"), ("Compila:Sandbox:RetryAfterSeconds", "7")));
        var (a, userA) = await LearnerAsync(app);
        var (b, userB) = await LearnerAsync(app);
        var (c, _) = await LearnerAsync(app);

        var running = RunAsync(a, Sleep3);
        await WaitHeldAsync(app, userA, (1, 0));
        var queued = RunAsync(b, "print(2)");
        await WaitHeldAsync(app, userB, (0, 1));

        var full = await RunAsync(c, "print(3)");

        var problem = await full.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal(7, RetryAfter(full));
        Assert.Equal("Executor ocupado.", problem["title"]!.GetValue<string>());
        Assert.False(queued.IsCompleted, "the 503 waited for the queue to drain");
        Assert.Equal(HttpStatusCode.OK, (await running).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await queued).StatusCode);
    }

    [Fact]
    public async Task SubmitAndSolve_DrawOnTheSameBudgetAsCodeRuns()
    {
        using var app = CompilaApp.With(Settings(("Compila:Sandbox:SecondsPerWindow", "1"), ("Compila:Sandbox:WindowSeconds", "600")));
        var slowSolution = "import time\ntime.sleep(1.2)\n" + SubmissionScenario.PythonSolution;
        var (submitter, _) = await LearnerAsync(app);
        var (solver, solverUser) = await LearnerAsync(app);
        var challengeId = await SubmissionScenario.ChallengeIdAsync(submitter);

        var judged = await SubmissionScenario.WaitJudgedAsync(submitter, await SubmissionScenario.SubmitAsync(submitter, challengeId, "python", slowSolution));
        Assert.Equal("passed", judged["status"]!.GetValue<string>());
        await (await RunAsync(submitter, "print(1)")).AssertProblemAsync(HttpStatusCode.TooManyRequests);

        await using (var solve = await SolveClient.ConnectAsync(app, solverUser.AccessToken))
        {
            await solve.SendAsync(new { challenge_id = challengeId, language = "python", code = slowSolution });
            var messages = await solve.ReceiveAllAsync();
            Assert.Equal("complete", messages[^1]["type"]!.GetValue<string>());
        }

        await (await RunAsync(solver, "print(1)")).AssertProblemAsync(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task OverBudgetLearnersSubmission_WaitsItsTurn_WithoutBlockingAnotherLearnersSubmission()
    {
        using var app = CompilaApp.With(Settings(
            ("Compila:Sandbox:SecondsPerWindow", "1"), ("Compila:Sandbox:WindowSeconds", "600"), ("Compila:Queue:Consumers", "1")));
        var (spender, _) = await LearnerAsync(app);
        var (other, _) = await LearnerAsync(app);
        var challengeId = await SubmissionScenario.ChallengeIdAsync(spender);
        Assert.Equal(HttpStatusCode.OK, (await RunAsync(spender, "import time\ntime.sleep(1.2)")).StatusCode);

        var waiting = await SubmissionScenario.SubmitAsync(spender, challengeId, "python", SubmissionScenario.PythonSolution);
        var othersJudged = await SubmissionScenario.WaitJudgedAsync(other, await SubmissionScenario.SubmitAsync(other, challengeId, "python", SubmissionScenario.PythonSolution));

        Assert.Equal("passed", othersJudged["status"]!.GetValue<string>());
        var stillWaiting = await (await spender.GetAsync($"/v1/submissions/{waiting}")).ReadJsonAsync();
        Assert.Equal("pending", stillWaiting["status"]!.GetValue<string>());
    }
}
