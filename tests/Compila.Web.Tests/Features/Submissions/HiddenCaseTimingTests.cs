using Compila.Web.Tests.Infrastructure;

namespace Compila.Web.Tests.Features.Submissions;

/// <summary>Issue 14 point 6: a hidden case's duration would reveal the size of its input, so no learner view carries it.</summary>
public sealed class HiddenCaseTimingTests(CompilaApp app) : IClassFixture<CompilaApp>
{
    [Fact]
    public async Task HiddenCases_HaveNoDuration_InTheResultNorInItsEvents()
    {
        var client = app.CreateClient();
        var user = await client.RegisterAsync();
        var challengeId = await SubmissionScenario.ChallengeIdAsync(client);
        await using var solve = await SolveClient.ConnectAsync(app, user.AccessToken);

        await solve.SendAsync(new { challenge_id = challengeId, language = "python", code = SubmissionScenario.PythonSolution });
        var messages = await solve.ReceiveAllAsync();

        var checks = messages.Where(m => m["type"]?.GetValue<string>() == "check_result").Select(m => m["data"]!).ToList();
        Assert.Contains(checks, t => t["hidden"]!.GetValue<bool>());
        Assert.All(checks.Where(t => t["hidden"]!.GetValue<bool>()), t => Assert.Null(t["durationMs"]));
        Assert.Contains(checks, t => !t["hidden"]!.GetValue<bool>() && t["durationMs"] is not null);

        client.Authorized(user.AccessToken);
        var submissionId = Guid.Parse(messages[0]["submission_id"]!.GetValue<string>());
        var judged = await SubmissionScenario.WaitJudgedAsync(client, submissionId);
        var tests = judged["testResults"]!["tests"]!.AsArray();
        Assert.All(tests.Where(t => t!["hidden"]!.GetValue<bool>()), t => Assert.Null(t!["durationMs"]));
        Assert.Contains(tests, t => !t!["hidden"]!.GetValue<bool>() && t["durationMs"] is not null);
    }
}
