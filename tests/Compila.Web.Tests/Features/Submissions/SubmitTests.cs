using System.Net;
using System.Net.Http.Json;
using Compila.Web.Features.Submissions;
using Compila.Web.Infrastructure.Data;
using Compila.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Compila.Web.Tests.Features.Submissions;

public sealed class SubmitTests(CompilaApp app) : IClassFixture<CompilaApp>
{
    async Task<(HttpClient Client, Guid ChallengeId)> LearnerAsync()
    {
        var client = app.CreateClient();
        var user = await client.RegisterAsync();
        client.Authorized(user.AccessToken);
        return (client, await SubmissionScenario.ChallengeIdAsync(client));
    }

    [Fact]
    public async Task Submit_ReferenceSolution_Passes_WithFullScoreAndXp()
    {
        var (client, challengeId) = await LearnerAsync();

        var id = await SubmissionScenario.SubmitAsync(client, challengeId, "python", SubmissionScenario.PythonSolution);
        var judged = await SubmissionScenario.WaitJudgedAsync(client, id);

        Assert.Equal("passed", judged["status"]!.GetValue<string>());
        Assert.Equal(100, judged["score"]!.GetValue<int>());
        Assert.Equal(SubmissionScenario.Challenge.XpReward, judged["xpGained"]!.GetValue<int>());
        Assert.Equal(SubmissionScenario.CaseCount, judged["testResults"]!["tests"]!.AsArray().Count);
        var me = await (await client.GetAsync("/v1/me")).ReadJsonAsync();
        Assert.Equal(SubmissionScenario.Challenge.XpReward, me["xp"]!.GetValue<int>());
    }

    [Fact]
    public async Task Submit_WithANullFile_Returns400AndStoresNothing()
    {
        var (client, challengeId) = await LearnerAsync();

        var response = await client.PostAsync($"/v1/challenges/{challengeId}/submit",
            new StringContent("""{"language":"python","files":[null]}""", System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["files[0]"]);
        var mine = await (await client.GetAsync("/v1/me/submissions")).ReadJsonAsync();
        Assert.Empty(mine["items"]!.AsArray());
    }

    [Fact]
    public async Task Submit_Starter_Fails_OrIsPartial_AndHiddenCasesAreRedacted()
    {
        var (client, challengeId) = await LearnerAsync();

        var id = await SubmissionScenario.SubmitAsync(client, challengeId, "python", SubmissionScenario.PythonStarter);
        var judged = await SubmissionScenario.WaitJudgedAsync(client, id);

        Assert.Contains(judged["status"]!.GetValue<string>(), new[] { "failed", "partial" });
        Assert.True(judged["score"]!.GetValue<int>() < 100);
        foreach (var test in judged["testResults"]!["tests"]!.AsArray())
        {
            if (test!["hidden"]!.GetValue<bool>())
            {
                Assert.Null(test["expected"]);
                Assert.Null(test["actual"]);
            }
        }
    }

    [Fact]
    public async Task Submit_PartialSolution_IsPartial_WithProportionalScoreAndXpOnce()
    {
        var (client, challengeId) = await LearnerAsync();

        var first = await SubmissionScenario.WaitJudgedAsync(client, await SubmissionScenario.SubmitAsync(client, challengeId, "python", SubmissionScenario.PythonPartial));
        var second = await SubmissionScenario.WaitJudgedAsync(client, await SubmissionScenario.SubmitAsync(client, challengeId, "python", SubmissionScenario.PythonPartial));
        var pass = await SubmissionScenario.WaitJudgedAsync(client, await SubmissionScenario.SubmitAsync(client, challengeId, "python", SubmissionScenario.PythonSolution));

        // Visible and hidden cases run in separate processes, so the broken-after-one-call solution passes the
        // first case of each group.
        var expectedScore = SubmissionScenario.CaseGroups * 100 / SubmissionScenario.CaseCount;
        Assert.Equal("partial", first["status"]!.GetValue<string>());
        Assert.Equal(expectedScore, first["score"]!.GetValue<int>());
        var partialXp = SubmissionScenario.Challenge.XpReward * expectedScore / 100;
        Assert.Equal(partialXp, first["xpGained"]!.GetValue<int>());
        Assert.Equal(0, second["xpGained"]!.GetValue<int>());
        Assert.Equal(SubmissionScenario.Challenge.XpReward - partialXp, pass["xpGained"]!.GetValue<int>());
        var me = await (await client.GetAsync("/v1/me")).ReadJsonAsync();
        Assert.Equal(SubmissionScenario.Challenge.XpReward, me["xp"]!.GetValue<int>());
    }

    [Fact]
    public async Task Submit_CompileError_FailsWithTheCompilerOutput()
    {
        var (client, challengeId) = await LearnerAsync();

        var judged = await SubmissionScenario.WaitJudgedAsync(client, await SubmissionScenario.SubmitAsync(client, challengeId, "java", SubmissionScenario.JavaCompileError));

        Assert.Equal("failed", judged["status"]!.GetValue<string>());
        Assert.Equal(0, judged["score"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(judged["testResults"]!["compileOutput"]!.GetValue<string>()));
        Assert.Equal(0, judged["xpGained"]!.GetValue<int>());
    }

    [Fact]
    public async Task Submit_InfiniteLoop_FailsOnTheTimeLimit()
    {
        var (client, challengeId) = await LearnerAsync();

        var judged = await SubmissionScenario.WaitJudgedAsync(client, await SubmissionScenario.SubmitAsync(client, challengeId, "python", SubmissionScenario.PythonInfiniteLoop), 180);

        Assert.Equal("failed", judged["status"]!.GetValue<string>());
        Assert.Equal(0, judged["score"]!.GetValue<int>());
        var first = judged["testResults"]!["tests"]![0]!;
        Assert.Equal("error", first["status"]!.GetValue<string>());
        Assert.Contains("tempo", first["message"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Submit_Concurrently_GivesSequentialAttemptNumbers()
    {
        var (client, challengeId) = await LearnerAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            client.PostAsJsonAsync($"/v1/challenges/{challengeId}/submit", new { language = "python", code = SubmissionScenario.PythonStarter })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        var attempts = new List<int>();
        foreach (var response in responses)
        {
            attempts.Add((await response.ReadJsonAsync())["attemptNumber"]!.GetValue<int>());
        }

        Assert.Equal(Enumerable.Range(1, 8), attempts.Order());
    }

    [Theory]
    [InlineData("""{"language":"cobol","code":"x"}""", "language")]
    [InlineData("""{"language":"python","code":""}""", "code")]
    [InlineData("""{"language":"python"}""", "code")]
    public async Task Submit_Invalid_Returns400(string body, string field)
    {
        var (client, challengeId) = await LearnerAsync();
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        var response = await client.PostAsync($"/v1/challenges/{challengeId}/submit", content);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]![field]);
    }

    [Fact]
    public async Task Submit_UnknownChallenge_Returns404_AndAnonymousGets401()
    {
        var (client, _) = await LearnerAsync();

        var unknown = await client.PostAsJsonAsync($"/v1/challenges/{Guid.NewGuid()}/submit", new { language = "python", code = "x" });
        var anonymous = await app.CreateClient().PostAsJsonAsync($"/v1/challenges/{Guid.NewGuid()}/submit", new { language = "python", code = "x" });

        await unknown.AssertProblemAsync(HttpStatusCode.NotFound);
        await anonymous.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ChallengeCounters_CountLearnersWhoAttemptedAndPassed()
    {
        var (alice, challengeId) = await LearnerAsync();
        var (bob, _) = await LearnerAsync();
        // Other tests in this class judge the same challenge, some without waiting for the verdict (the concurrent
        // submits): their submissions must be judged and their statistics landed before the baseline is read.
        await NothingPendingAsync();
        await PublishedEvents.SettledAsync(app.Services);
        var before = await FreshChallengeAsync(alice);

        await SubmissionScenario.WaitJudgedAsync(alice, await SubmissionScenario.SubmitAsync(alice, challengeId, "python", SubmissionScenario.PythonSolution));
        await SubmissionScenario.WaitJudgedAsync(alice, await SubmissionScenario.SubmitAsync(alice, challengeId, "python", SubmissionScenario.PythonSolution));
        await SubmissionScenario.WaitJudgedAsync(bob, await SubmissionScenario.SubmitAsync(bob, challengeId, "python", SubmissionScenario.PythonStarter));
        await PublishedEvents.SettledAsync(app.Services);
        var after = await FreshChallengeAsync(alice);

        Assert.Equal(before["attemptedCount"]!.GetValue<int>() + 2, after["attemptedCount"]!.GetValue<int>());
        Assert.Equal(before["completedCount"]!.GetValue<int>() + 1, after["completedCount"]!.GetValue<int>());
        var expectedRate = Math.Round((decimal)after["completedCount"]!.GetValue<int>() * 100 / after["attemptedCount"]!.GetValue<int>(), 2);
        Assert.Equal(expectedRate, after["successRate"]!.GetValue<decimal>());
    }

    async Task NothingPendingAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<CompilaDb>();
                if (!await db.Set<Submission>().AnyAsync(s => s.Status == SubmissionStatus.Pending))
                {
                    return;
                }
            }

            Assert.True(DateTime.UtcNow < deadline, "submissions of earlier tests were still pending after 120 s");
            await Task.Delay(200);
        }
    }

    /// <summary>
    /// The catalog is output-cached per query string (Compila:Cache:PublicReadSeconds): a query key no one else uses
    /// reads the counters as they are now, not as some earlier test cached them.
    /// </summary>
    static async Task<System.Text.Json.Nodes.JsonNode> FreshChallengeAsync(HttpClient client) =>
        await (await client.GetAsync($"/v1/challenges/{SubmissionScenario.Challenge.Slug}?fresh={Guid.NewGuid():N}")).ReadJsonAsync();
}
