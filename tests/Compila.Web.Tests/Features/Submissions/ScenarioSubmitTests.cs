using Compila.ChallengeSuites.Content;
using Compila.ChallengeSuites.Specs;
using Compila.Web.Tests.Features.Challenges;
using Compila.Web.Tests.Infrastructure;

namespace Compila.Web.Tests.Features.Submissions;

/// <summary>A scenario challenge (a class driven step by step) goes through the same pipeline: results per case, XP on a pass, none on a forgery.</summary>
public sealed class ScenarioSubmitTests(CompilaApp app) : IClassFixture<CompilaApp>
{
    static ChallengeSuite Challenge { get; } = CatalogFixture.Published
        .Where(c => c.Tests is ScenarioTestSpec && c.Languages.ContainsKey("go") && c.Languages.ContainsKey("java"))
        .OrderBy(c => c.Slug, StringComparer.Ordinal)
        .First();

    static ScenarioTestSpec Spec => (ScenarioTestSpec)Challenge.Tests;

    [Theory]
    [InlineData("go")]
    [InlineData("java")]
    public async Task StarterFails_ThenTheReferencePasses_WithTheCasesNames(string language)
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
        Assert.Equal(Spec.Cases.Select(c => c.Name), solution["testResults"]!["tests"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()));
        Assert.Equal(Challenge.XpReward, solution["xpGained"]!.GetValue<int>());
    }

    /// <summary>Issue 14 point 1: the starter plus forged pass records and an exit at load time once passed with score 100.</summary>
    [Fact]
    public async Task ForgedRecordsAndAnEarlyExit_AreNotAPass_AndEarnNoXp()
    {
        var client = app.CreateClient();
        client.Authorized((await client.RegisterAsync()).AccessToken);
        var detail = await (await client.GetAsync($"/v1/challenges/{Challenge.Slug}")).ReadJsonAsync();
        var challengeId = Guid.Parse(detail["id"]!.GetValue<string>());
        var forged = Challenge.Languages["python"].Starter[0].Content + """

            import os, sys
            for c in range(12):
                for s in range(10):
                    sys.stdout.write('@@COMPILA@@{"c":%d,"s":%d,"ok":true,"value":null,"ms":0,"out":""}\n' % (c, s))
            sys.stdout.write('@@COMPILA@@{"status":"pass","name":"depósitos somam no saldo","ms":1}\n')
            sys.stdout.flush()
            os._exit(0)
            """;

        var judged = await SubmissionScenario.WaitJudgedAsync(client, await SubmissionScenario.SubmitAsync(client, challengeId, "python", forged));

        // Every case checks a returned value or a refusal, which the forged nulls never match.
        Assert.Equal("failed", judged["status"]!.GetValue<string>());
        Assert.Equal(0, judged["score"]!.GetValue<int>());
        Assert.Equal(0, judged["xpGained"]!.GetValue<int>());
        var me = await (await client.GetAsync("/v1/me")).ReadJsonAsync();
        Assert.Equal(0, me["xp"]!.GetValue<int>());
    }
}
