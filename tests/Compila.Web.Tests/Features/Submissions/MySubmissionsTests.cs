using System.Net;
using Compila.Web.Tests.Features.Challenges;
using Compila.Web.Tests.Infrastructure;

namespace Compila.Web.Tests.Features.Submissions;

/// <summary>GET /v1/me/submissions: one learner's history across challenges, never anyone else's.</summary>
public sealed class MySubmissionsTests(CompilaApp app) : IClassFixture<CompilaApp>
{
    [Fact]
    public async Task History_SpansChallenges_NewestFirst_WithFiltersAndPages_AndOnlyTheLearnersOwn()
    {
        var alice = app.CreateClient();
        alice.Authorized((await alice.RegisterAsync()).AccessToken);
        var bob = app.CreateClient();
        bob.Authorized((await bob.RegisterAsync()).AccessToken);
        var first = SubmissionScenario.Challenge;
        var firstId = await SubmissionScenario.ChallengeIdAsync(alice);
        var other = CatalogFixture.Published.First(c => c.Slug != first.Slug && c.Languages.ContainsKey("python"));
        var otherId = Guid.Parse((await (await alice.GetAsync($"/v1/challenges/{other.Slug}")).ReadJsonAsync())["id"]!.GetValue<string>());

        var failed = await SubmissionScenario.SubmitAsync(alice, firstId, "python", SubmissionScenario.PythonStarter);
        await SubmissionScenario.WaitJudgedAsync(alice, failed);
        var passed = await SubmissionScenario.SubmitAsync(alice, firstId, "python", SubmissionScenario.PythonSolution);
        await SubmissionScenario.WaitJudgedAsync(alice, passed);
        var elsewhere = await SubmissionScenario.SubmitAsync(alice, otherId, "python", other.Languages["python"].Solution[0].Content);
        await SubmissionScenario.WaitJudgedAsync(alice, elsewhere);
        var bobs = await SubmissionScenario.SubmitAsync(bob, firstId, "python", SubmissionScenario.PythonSolution);

        var all = await (await alice.GetAsync("/v1/me/submissions")).ReadJsonAsync();
        var onlyPassed = await (await alice.GetAsync("/v1/me/submissions?status=passed")).ReadJsonAsync();
        var secondPage = await (await alice.GetAsync("/v1/me/submissions?size=2&page=2")).ReadJsonAsync();
        var java = await (await alice.GetAsync("/v1/me/submissions?language=java")).ReadJsonAsync();
        var bobsList = await (await bob.GetAsync("/v1/me/submissions")).ReadJsonAsync();

        Assert.Equal(3, all["total"]!.GetValue<int>());
        var items = all["items"]!.AsArray();
        Assert.Equal([elsewhere, passed, failed], items.Select(i => Guid.Parse(i!["id"]!.GetValue<string>())));
        Assert.Equal(other.Slug, items[0]!["challengeSlug"]!.GetValue<string>());
        Assert.Equal(other.Title, items[0]!["challengeTitle"]!.GetValue<string>());
        Assert.Equal(first.Slug, items[1]!["challengeSlug"]!.GetValue<string>());
        Assert.Equal(2, items[1]!["attemptNumber"]!.GetValue<int>());
        Assert.Contains(items[2]!["status"]!.GetValue<string>(), new[] { "failed", "partial" });
        Assert.Null(items[1]!["code"]);
        Assert.Equal(2, onlyPassed["total"]!.GetValue<int>());
        Assert.All(onlyPassed["items"]!.AsArray(), i => Assert.Equal("passed", i!["status"]!.GetValue<string>()));
        Assert.Equal(failed, Guid.Parse(Assert.Single(secondPage["items"]!.AsArray())!["id"]!.GetValue<string>()));
        Assert.Equal(0, java["total"]!.GetValue<int>());
        Assert.Equal(bobs, Guid.Parse(Assert.Single(bobsList["items"]!.AsArray())!["id"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("status=aprovado", "status")]
    [InlineData("language=cobol", "language")]
    [InlineData("page=0", "page")]
    [InlineData("size=101", "size")]
    public async Task UnknownFilterOrBadPage_IsA400NamingTheField(string query, string field)
    {
        var client = app.CreateClient();
        client.Authorized((await client.RegisterAsync()).AccessToken);

        var problem = await (await client.GetAsync($"/v1/me/submissions?{query}")).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.NotNull(problem["errors"]![field]);
    }

    [Fact]
    public async Task Anonymous_Is401()
    {
        var response = await app.CreateClient().GetAsync("/v1/me/submissions");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
