using Compila.Judge.Testing.Specs;
using Compila.Web.Tests.Features.Challenges;
using Compila.Web.Tests.Infrastructure;

namespace Compila.Web.Tests.Features.Submissions;

/// <summary>A challenge judged by native test files goes through the same pipeline: results per test, XP on a pass.</summary>
public sealed class NativeTestsSubmitTests(CompilaApp app) : IClassFixture<CompilaApp>
{
    static Judge.Testing.Content.Challenge Challenge { get; } = CatalogFixture.Published
        .Where(c => c.Tests is NativeTestSpec && c.Languages.ContainsKey("go") && c.Languages.ContainsKey("java"))
        .OrderBy(c => c.Slug, StringComparer.Ordinal)
        .First();

    [Theory]
    [InlineData("go")]
    [InlineData("java")]
    public async Task StarterFails_ThenTheReferencePasses_WithTheFrameworksTestNames(string language)
    {
        var client = app.CreateClient();
        client.Authorized((await client.RegisterAsync()).AccessToken);
        var detail = await (await client.GetAsync($"/v1/challenges/{Challenge.Slug}")).ReadJsonAsync();
        var challengeId = Guid.Parse(detail["id"]!.GetValue<string>());

        var starter = await SubmissionScenario.WaitJudgedAsync(client,
            await SubmissionScenario.SubmitAsync(client, challengeId, language, Challenge.Languages[language].Starter[0].Content));
        var solution = await SubmissionScenario.WaitJudgedAsync(client,
            await SubmissionScenario.SubmitAsync(client, challengeId, language, Challenge.Languages[language].Solution[0].Content));

        Assert.Equal("failed", starter["status"]!.GetValue<string>());
        var failing = starter["testResults"]!["tests"]!.AsArray();
        Assert.NotEmpty(failing);
        Assert.All(failing, t => Assert.NotEqual("pass", t!["status"]!.GetValue<string>()));
        Assert.All(failing, t => Assert.False(string.IsNullOrWhiteSpace(t!["message"]?.GetValue<string>())));
        Assert.NotNull(starter["aiFeedback"]);
        Assert.Equal("passed", solution["status"]!.GetValue<string>());
        Assert.Equal(failing.Count, solution["testResults"]!["tests"]!.AsArray().Count);
        Assert.Equal(Challenge.XpReward, solution["xpGained"]!.GetValue<int>());
    }
}
