using System.Net;
using Compila.Web.Tests.Infrastructure;

namespace Compila.Web.Tests.Features.Submissions;

public sealed class SubmissionPrivacyTests(CompilaApp app) : IClassFixture<CompilaApp>
{
    [Fact]
    public async Task AnotherLearnersSubmission_IsInvisible_EverywhereIncludingTheSocket()
    {
        var aliceClient = app.CreateClient();
        var alice = await aliceClient.RegisterAsync();
        aliceClient.Authorized(alice.AccessToken);
        var bobClient = app.CreateClient();
        var bob = await bobClient.RegisterAsync();
        bobClient.Authorized(bob.AccessToken);
        var challengeId = await SubmissionScenario.ChallengeIdAsync(aliceClient);
        var aliceSubmission = await SubmissionScenario.SubmitAsync(aliceClient, challengeId, "python", "# segredo da alice\n" + SubmissionScenario.PythonSolution);
        await SubmissionScenario.WaitJudgedAsync(aliceClient, aliceSubmission);

        var direct = await bobClient.GetAsync($"/v1/submissions/{aliceSubmission}");
        var list = await bobClient.GetAsync($"/v1/challenges/{challengeId}/submissions");
        var asAdmin = await bobClient.GetAsync($"/v1/challenges/{challengeId}/submissions?user={alice.Username}");

        await direct.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.DoesNotContain("segredo da alice", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty((await list.ReadJsonAsync()).AsArray());
        await asAdmin.AssertProblemAsync(HttpStatusCode.Forbidden);

        await using var solve = await SolveClient.ConnectAsync(app, bob.AccessToken);
        await solve.SendAsync(new { submission_id = aliceSubmission });
        var messages = await solve.ReceiveAllAsync();
        Assert.Single(messages);
        Assert.Equal("error", messages[0]["type"]!.GetValue<string>());

        var own = await (await aliceClient.GetAsync($"/v1/submissions/{aliceSubmission}")).ReadJsonAsync();
        Assert.Contains("segredo da alice", own["code"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
