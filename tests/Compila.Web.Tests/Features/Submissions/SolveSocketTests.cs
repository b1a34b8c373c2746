using System.Net;
using Compila.Web.Tests.Infrastructure;

namespace Compila.Web.Tests.Features.Submissions;

public sealed class SolveSocketTests(CompilaApp app) : IClassFixture<CompilaApp>
{
    [Fact]
    public async Task Solve_StreamsTheSpecsMessagesInOrder_EndingWithComplete()
    {
        var client = app.CreateClient();
        var user = await client.RegisterAsync();
        var challengeId = await SubmissionScenario.ChallengeIdAsync(client);
        await using var solve = await SolveClient.ConnectAsync(app, user.AccessToken);

        await solve.SendAsync(new { challenge_id = challengeId, language = "python", code = SubmissionScenario.PythonSolution });
        var messages = await solve.ReceiveAllAsync();

        Assert.Equal("accepted", messages[0]["type"]!.GetValue<string>());
        var events = messages.Skip(1).ToList();
        Assert.Equal(Enumerable.Range(1, events.Count), events.Select(m => m["sequence"]!.GetValue<int>()));
        var types = events.Select(m => m["type"]!.GetValue<string>()).ToList();
        Assert.Equal("loop_start", types[0]);
        Assert.Equal("agent_start", types[1]);
        Assert.Equal("complete", types[^1]);
        Assert.Equal(SubmissionScenario.CaseCount, types.Count(t => t == "check_result"));
        Assert.True(types.IndexOf("check_result") < types.IndexOf("complete"));
        var progress = events.Where(m => m["type"]!.GetValue<string>() == "check_result").Select(m => m["progress"]!["done"]!.GetValue<int>());
        Assert.Equal(Enumerable.Range(1, SubmissionScenario.CaseCount), progress);
        var complete = events[^1];
        Assert.Equal("passed", complete["submission"]!["status"]!.GetValue<string>());
        Assert.Equal(100, complete["submission"]!["score"]!.GetValue<int>());
    }

    [Fact]
    public async Task Solve_ResumesAfterTheLastSequenceSeen()
    {
        var client = app.CreateClient();
        var user = await client.RegisterAsync();
        client.Authorized(user.AccessToken);
        var challengeId = await SubmissionScenario.ChallengeIdAsync(client);
        var submissionId = await SubmissionScenario.SubmitAsync(client, challengeId, "python", SubmissionScenario.PythonStarter);

        await using (var first = await SolveClient.ConnectAsync(app, user.AccessToken))
        {
            await first.SendAsync(new { submission_id = submissionId });
            var one = await first.ReceiveAsync();
            var two = await first.ReceiveAsync();
            Assert.Equal(1, one!["sequence"]!.GetValue<int>());
            Assert.Equal(2, two!["sequence"]!.GetValue<int>());
            await first.AbortAsync();
        }

        await using var second = await SolveClient.ConnectAsync(app, user.AccessToken);
        await second.SendAsync(new { submission_id = submissionId, after_sequence = 2 });
        var rest = await second.ReceiveAllAsync();

        Assert.Equal(3, rest[0]["sequence"]!.GetValue<int>());
        Assert.Equal(Enumerable.Range(3, rest.Count), rest.Select(m => m["sequence"]!.GetValue<int>()));
        Assert.Equal("complete", rest[^1]["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Solve_ClosingTheSocket_DoesNotCancelJudging()
    {
        var client = app.CreateClient();
        var user = await client.RegisterAsync();
        client.Authorized(user.AccessToken);
        var challengeId = await SubmissionScenario.ChallengeIdAsync(client);
        Guid submissionId;
        await using (var solve = await SolveClient.ConnectAsync(app, user.AccessToken))
        {
            await solve.SendAsync(new { challenge_id = challengeId, language = "python", code = SubmissionScenario.PythonSolution });
            var accepted = await solve.ReceiveAsync();
            submissionId = Guid.Parse(accepted!["submission_id"]!.GetValue<string>());
            await solve.AbortAsync();
        }

        var judged = await SubmissionScenario.WaitJudgedAsync(client, submissionId);

        Assert.Equal("passed", judged["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Solve_WithoutToken_IsRefused()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => SolveClient.ConnectAsync(app, "not-a-token"));

        Assert.Contains("401", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Solve_WithGarbage_AnswersAnErrorMessage()
    {
        var user = await app.CreateClient().RegisterAsync();
        await using var solve = await SolveClient.ConnectAsync(app, user.AccessToken);

        await solve.SendAsync(new { hello = "world" });
        var messages = await solve.ReceiveAllAsync();

        Assert.Single(messages);
        Assert.Equal("error", messages[0]["type"]!.GetValue<string>());
    }
}
