using System.Text.Json.Nodes;
using Compila.ChallengeSuites.Specs;
using Compila.Web.Tests.Infrastructure;

namespace Compila.Web.Tests.Features.SmartSolver;

/// <summary>Judges every wrong solution once, through the real API, judge and pipeline, on one app.</summary>
public sealed class WrongSolutionsFixture : IAsyncLifetime
{
    public CompilaApp App { get; } = CompilaApp.With(SmartSolverApp.NoRateLimits);

    public Dictionary<string, JsonNode> Judged { get; } = [];

    public async ValueTask InitializeAsync()
    {
        var client = App.CreateClient();
        await SmartSolverApp.UserAsync(client);
        var pending = new Dictionary<string, Guid>();
        foreach (var wrong in WrongSolutions.All)
        {
            var challengeId = await SmartSolverApp.ChallengeIdAsync(client, wrong.Slug);
            pending[wrong.Id] = await Submissions.SubmissionScenario.SubmitAsync(client, challengeId, wrong.Language, wrong.Code);
        }

        foreach (var (id, submissionId) in pending)
        {
            Judged[id] = await Submissions.SubmissionScenario.WaitJudgedAsync(client, submissionId, 300);
        }
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}

public sealed class OfflineFeedbackTests(WrongSolutionsFixture fixture, ITestOutputHelper output) : IClassFixture<WrongSolutionsFixture>
{
    public static TheoryData<string> Ids => new(WrongSolutions.All.Select(w => w.Id));

    [Fact]
    public void Catalog_CoversTwentyWrongSolutionsInFourLanguagesAndEveryTypicalMistake()
    {
        Assert.True(WrongSolutions.All.Count >= 20);
        Assert.True(WrongSolutions.All.Select(w => w.Language).Distinct().Count() >= 4);
        foreach (var kind in new[] { "off-by-one", "empty input", "wrong type", "integer overflow", "infinite loop", "mutated input", "money rounding" })
        {
            Assert.Contains(WrongSolutions.All, w => w.Kind == kind);
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void WrongSolution_GetsOfflineFeedbackNamingTheFailingCaseAndTheLineAtFault(string id)
    {
        var wrong = WrongSolutions.All.Single(w => w.Id == id);
        var submission = fixture.Judged[id];
        Assert.NotEqual("passed", submission["status"]!.GetValue<string>());
        var feedback = submission["aiFeedback"];
        Assert.True(feedback is not null, $"no feedback: {submission.ToJsonString()}");
        Assert.Equal("offline", feedback["mode"]!.GetValue<string>());

        var summary = feedback["summary"]!.GetValue<string>();
        output.WriteLine(summary);
        var words = SmartSolverApp.Words(summary);
        Assert.True(words is >= 80 and <= 160, $"{words} words: {summary}");

        var failing = SmartSolverApp.FirstVisibleFailure(submission);
        Assert.NotNull(failing);
        Assert.Contains($"“{failing}”", summary, StringComparison.Ordinal);

        var top = feedback["issues"]![0]!;
        Assert.True(wrong.FaultLine == top["location"]!["line"]?.GetValue<int>(), $"{wrong.Kind}: blamed {top.ToJsonString()}\n{summary}");
        Assert.Contains($"linha {wrong.FaultLine}", summary, StringComparison.Ordinal);
        Assert.Equal(ChallengeSuites.Harness.TestLanguages.Get(wrong.Language).ContentFileName,
            top["location"]!["file"]!.GetValue<string>());
        Assert.Equal("error", top["type"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(top["suggestion"]?.GetValue<string>()));
        if (submission["score"]!.GetValue<int>() > 0)
        {
            Assert.NotEmpty((feedback["strengths"] as JsonArray)!);
            Assert.Contains("Ponto positivo", summary, StringComparison.Ordinal);
        }

        Assert.NotEmpty((feedback["learning_points"] as JsonArray)!);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void WrongSolution_FeedbackContainsNoReferenceSolutionNorHiddenCase(string id)
    {
        var wrong = WrongSolutions.All.Single(w => w.Id == id);
        var text = fixture.Judged[id]["aiFeedback"]!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        foreach (var line in SmartSolverApp.SolutionLines(wrong.Slug).Where(l => !wrong.Code.Contains(l, StringComparison.Ordinal)))
        {
            Assert.DoesNotContain(line, text, StringComparison.Ordinal);
        }

        var spec = (FunctionTestSpec)SmartSolverApp.Content(wrong.Slug).Tests;
        var visible = string.Join('\n', spec.Cases.Where(c => !c.Hidden).Select(c => c.Name + JsonValues.Render(new JsonArray([.. c.Args.Select(a => a?.DeepClone())])) + JsonValues.Render(c.Expected)))
            + wrong.Code + SmartSolverApp.Content(wrong.Slug).Description;
        foreach (var hidden in spec.Cases.Where(c => c.Hidden))
        {
            if (!visible.Contains(hidden.Name, StringComparison.Ordinal))
            {
                Assert.DoesNotContain(hidden.Name, text, StringComparison.Ordinal);
            }

            foreach (var value in hidden.Args.Append(hidden.Expected).Select(JsonValues.Render).Where(v => v.Length >= 5 && !visible.Contains(v, StringComparison.Ordinal)))
            {
                Assert.DoesNotContain(value, text, StringComparison.Ordinal);
            }
        }
    }
}
