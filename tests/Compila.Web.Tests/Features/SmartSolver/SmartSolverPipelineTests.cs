using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Compila.Web.Tests.Infrastructure;

namespace Compila.Web.Tests.Features.SmartSolver;

public sealed class SmartSolverAppFixture : IAsyncLifetime
{
    public CompilaApp App { get; } = CompilaApp.With(SmartSolverApp.NoRateLimits);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}

/// <summary>The dual loop over /v1/solve, feedback of a pass, next challenges and the solution policy, through the API.</summary>
public sealed class SmartSolverPipelineTests(SmartSolverAppFixture fixture) : IClassFixture<SmartSolverAppFixture>
{
    const string Slug = "parcelamento-sem-juros";

    static string Reference => SmartSolverApp.Content(Slug).Languages["python"].Solution[0].Content;

    [Fact]
    public async Task Solve_StreamsEveryAgentOfBothLoops_AndCompletesWithTheFeedback()
    {
        var client = fixture.App.CreateClient();
        var user = await SmartSolverApp.UserAsync(client);
        var challengeId = await SmartSolverApp.ChallengeIdAsync(client, Slug);
        await using var solve = await SolveClient.ConnectAsync(fixture.App, user.AccessToken);

        await solve.SendAsync(new { challenge_id = challengeId, language = "python", code = WrongSolutions.All.Single(w => w.Id == "py-money").Code });
        var events = (await solve.ReceiveAllAsync()).Skip(1).ToList();

        var types = events.Select(e => e["type"]!.GetValue<string>()).ToList();
        var agents = events.Where(e => e["type"]!.GetValue<string>() == "agent_start").Select(e => e["agent"]!.GetValue<string>()).ToList();
        Assert.Equal(["check", "investigate", "note", "manager", "solve", "check", "response", "precision"], agents);
        Assert.Equal(["analysis", "solve"], events.Where(e => e["type"]!.GetValue<string>() == "loop_start").Select(e => e["loop"]!.GetValue<string>()));
        Assert.True(types.IndexOf("finding") < types.LastIndexOf("loop_start"), "the investigation's finding comes in the analysis loop");
        Assert.Equal(SmartSolverApp.Content(Slug).Tests.CaseCount, types.Count(t => t == "check_result"));
        var investigation = events.First(e => e["type"]!.GetValue<string>() == "finding")["data"]!;
        Assert.True(investigation["has_errors"]!.GetValue<bool>());
        Assert.Equal(4, investigation["issues"]![0]!["location"]!["line"]!.GetValue<int>());
        var check = events.Single(e => e["type"]!.GetValue<string>() == "finding" && e["agent"]!.GetValue<string>() == "check")["data"]!;
        Assert.Equal(8, check["total"]!.GetValue<int>());
        Assert.All(check["details"]!.AsArray().Where(d => d!["hidden"]!.GetValue<bool>()), d => Assert.Null(d!["expected"]));

        var complete = events[^1];
        Assert.Equal("complete", complete["type"]!.GetValue<string>());
        Assert.Equal("offline", complete["feedback"]!["mode"]!.GetValue<string>());
        Assert.False(complete["feedback"]!["solution_available"]!.GetValue<bool>());
        Assert.NotEmpty(complete["learning_points"]!.AsArray());
        Assert.NotEmpty(complete["next_challenges"]!.AsArray());
    }

    [Fact]
    public async Task Pass_GetsStrengths_NextChallengesItHasNotSolved_AndTheSolutionUnlocked()
    {
        var client = fixture.App.CreateClient();
        await SmartSolverApp.UserAsync(client);
        var other = WrongSolutions.All.Single(w => w.Id == "py-wrong-type");
        var otherSolution = SmartSolverApp.Content(other.Slug).Languages["python"].Solution[0].Content;
        Assert.Equal("passed", (await SmartSolverApp.SubmitAndWaitAsync(client, other.Slug, "python", otherSolution))["status"]!.GetValue<string>());

        var submission = await SmartSolverApp.SubmitAndWaitAsync(client, Slug, "python", Reference);

        Assert.Equal("passed", submission["status"]!.GetValue<string>());
        var feedback = submission["aiFeedback"]!;
        var summary = feedback["summary"]!.GetValue<string>();
        Assert.InRange(SmartSolverApp.Words(summary), 80, 160);
        Assert.Contains("Parabéns", summary, StringComparison.Ordinal);
        Assert.NotEmpty(feedback["strengths"]!.AsArray());
        Assert.True(feedback["overall_score"]!.GetValue<int>() >= 90);
        Assert.True(feedback["solution_available"]!.GetValue<bool>());
        var next = feedback["next_challenges"]!.AsArray();
        Assert.InRange(next.Count, 1, 3);
        Assert.All(next, n =>
        {
            Assert.NotEqual(Slug, n!["slug"]!.GetValue<string>());
            Assert.NotEqual(other.Slug, n["slug"]!.GetValue<string>());
            Assert.False(string.IsNullOrWhiteSpace(n["title"]!.GetValue<string>()));
            Assert.Contains(n["level"]!.GetValue<string>(), new[] { "beginner", "junior", "mid", "senior", "expert" });
            Assert.EndsWith(".", n["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        });
        Assert.Contains(next, n => n!["reason"]!.GetValue<string>().Contains("centavos", StringComparison.Ordinal) || n["reason"]!.GetValue<string>().Contains("dinheiro", StringComparison.Ordinal));

        var challengeId = await SmartSolverApp.ChallengeIdAsync(client, Slug);
        var solution = await client.GetAsync($"/v1/challenges/{challengeId}/solution?language=python");
        Assert.Equal(HttpStatusCode.OK, solution.StatusCode);
        Assert.Equal("passed", (await solution.ReadJsonAsync())["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Solution_IsForbiddenUntilGivenUp_AndGivingUpEndsTheXpOfThatChallenge()
    {
        var client = fixture.App.CreateClient();
        await SmartSolverApp.UserAsync(client);
        var challengeId = await SmartSolverApp.ChallengeIdAsync(client, Slug);

        var locked = await client.GetAsync($"/v1/challenges/{challengeId}/solution?language=python");
        var problem = await locked.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("give-up", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("divmod", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var wrong = await SmartSolverApp.SubmitAndWaitAsync(client, Slug, "python", WrongSolutions.All.Single(w => w.Id == "py-money").Code);
        Assert.DoesNotContain("divmod", wrong["aiFeedback"]!.ToJsonString(), StringComparison.Ordinal);
        var xpBefore = wrong["xpGained"]!.GetValue<int>();
        Assert.True(xpBefore > 0, "the partial result earns its share before giving up");

        var giveUp = await SmartSolverApp.PostEmptyAsync(client, $"/v1/challenges/{challengeId}/give-up");
        Assert.Equal(HttpStatusCode.OK, giveUp.StatusCode);
        Assert.Equal($"/v1/challenges/{challengeId}/solution", (await giveUp.ReadJsonAsync())["solutionUrl"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await SmartSolverApp.PostEmptyAsync(client, $"/v1/challenges/{challengeId}/give-up")).StatusCode);

        var unlocked = await client.GetAsync($"/v1/challenges/{challengeId}/solution?language=python");
        Assert.Equal(HttpStatusCode.OK, unlocked.StatusCode);
        var body = await unlocked.ReadJsonAsync();
        Assert.Equal("given_up", body["reason"]!.GetValue<string>());
        Assert.Equal(Reference, body["files"]![0]!["content"]!.GetValue<string>());

        var passed = await SmartSolverApp.SubmitAndWaitAsync(client, Slug, "python", Reference);
        Assert.Equal("passed", passed["status"]!.GetValue<string>());
        Assert.Equal(0, passed["xpGained"]!.GetValue<int>());
    }

    [Fact]
    public async Task Solution_ValidatesLanguage_AndUnknownChallengeIs404()
    {
        var client = fixture.App.CreateClient();
        await SmartSolverApp.UserAsync(client);
        var challengeId = await SmartSolverApp.ChallengeIdAsync(client, Slug);

        var problem = await (await client.GetAsync($"/v1/challenges/{challengeId}/solution?language=cobol")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["language"]);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/v1/challenges/{Guid.NewGuid()}/solution?language=python")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SmartSolverApp.PostEmptyAsync(client, $"/v1/challenges/{Guid.NewGuid()}/give-up")).StatusCode);

        var anonymous = fixture.App.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/v1/challenges/{challengeId}/solution?language=python")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync($"/v1/challenges/{challengeId}/give-up", new { })).StatusCode);
    }
}
