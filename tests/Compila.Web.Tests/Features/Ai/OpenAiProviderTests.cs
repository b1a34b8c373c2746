using System.Text.Json.Nodes;
using Compila.Web.Features.Ai;
using Compila.Web.Tests.Features.SmartSolver;

namespace Compila.Web.Tests.Features.Ai;

/// <summary>The Smart Solver against a local server speaking OpenAI's chat-completions protocol.</summary>
// Never reaches a provider-specific query: scripts/test.sh runs it on SQLite only.
[Trait("Database", "None")]
public sealed class OpenAiProviderTests(LlmAppFixture fixture) : IClassFixture<LlmAppFixture>
{
    [Fact]
    public async Task ValidJson_IsUsed_AndPromptsCarryRequirementsAndCodeButNoHiddenCase()
    {
        fixture.Server.Reset(LlmScenario.Valid);
        var (user, submission) = await LlmScenario.SubmitAsync(fixture);

        var feedback = submission["aiFeedback"]!;
        Assert.Equal("fake-gpt", feedback["mode"]!.GetValue<string>());
        Assert.StartsWith(LlmScenario.ModelSummaryMarker, feedback["summary"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(55, feedback["overall_score"]!.GetValue<int>());
        Assert.Contains(feedback["issues"]!.AsArray(), i => i!["title"]!.GetValue<string>() == "Divisão em ponto flutuante");
        Assert.Equal("Dinheiro em centavos inteiros.", feedback["learning_points"]![0]!.GetValue<string>());

        var requests = fixture.Server.Requests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r =>
        {
            Assert.Equal("/v1/chat/completions", r.Path);
            Assert.Equal($"Bearer {LlmAppFixture.ApiKey}", r.Headers["authorization"]);
            Assert.Equal("fake-gpt", r.Body["model"]!.GetValue<string>());
            foreach (var requirement in SmartSolverApp.Content(LlmScenario.Slug).Requirements)
            {
                Assert.Contains(requirement, r.Prompt, StringComparison.Ordinal);
            }

            Assert.Contains("return [int(total_centavos / parcelas)] * parcelas", r.Prompt, StringComparison.Ordinal);
            Assert.Contains("cem reais em 3x", r.Prompt, StringComparison.Ordinal);
            foreach (var hidden in LlmScenario.HiddenValues)
            {
                Assert.DoesNotContain(hidden, r.Prompt, StringComparison.Ordinal);
            }

            foreach (var line in SmartSolverApp.SolutionLines(LlmScenario.Slug).Where(l => !LlmScenario.Code.Contains(l, StringComparison.Ordinal)))
            {
                Assert.DoesNotContain(line, r.Prompt, StringComparison.Ordinal);
            }
        });
        var response = requests.Single(r => r.IsFor("Response"));
        Assert.Equal(700, response.Body["max_completion_tokens"]?.GetValue<int>() ?? response.Body["max_tokens"]!.GetValue<int>());
        Assert.Equal(0.3, response.Body["temperature"]!.GetValue<double>(), 3);

        var usage = await fixture.UsageAsync(user.Id);
        Assert.Equal(["investigate", "response"], usage.Select(u => u.Agent).Order().ToArray());
        Assert.All(usage, u =>
        {
            Assert.Equal(AiCallStatus.Success, u.Status);
            Assert.Equal(100, u.InputTokens);
            Assert.Equal(50, u.OutputTokens);
            Assert.Equal(150, u.TotalTokens);
            Assert.Equal("fake-gpt", u.ModelUsed);
            Assert.Equal(20, u.CostCents);
            Assert.InRange(u.LatencyMs, 0, 10_000);
        });
        Assert.Equal(300, submission["aiTokensUsed"]!.GetValue<int>());
        Assert.DoesNotContain(LlmAppFixture.ApiKey, submission.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidJson_IsRepairedOnce()
    {
        fixture.Server.Reset((request, _) => request.IsFor("Investigate")
            ? request.Prompt.Contains("Sua resposta não segue o formato", StringComparison.Ordinal)
                ? new LlmReply("Claro! Aqui está:\n```json\n" + LlmScenario.InvestigateJson("Reparado") + "\n```")
                : new LlmReply("```json\n{\"error_count\": 1, \"issues\": [")
            : new LlmReply(LlmScenario.ResponseJson()));
        var (user, submission) = await LlmScenario.SubmitAsync(fixture);

        Assert.Contains(submission["aiFeedback"]!["issues"]!.AsArray(), i => i!["title"]!.GetValue<string>() == "Reparado");
        var investigate = (await fixture.UsageAsync(user.Id)).Where(u => u.Agent == "investigate").ToList();
        Assert.Equal([("analyze", AiCallStatus.Invalid), ("analyze:repair", AiCallStatus.Success)], investigate.Select(u => (u.Action, u.Status)).ToArray());
        Assert.Equal(3 * 150, submission["aiTokensUsed"]!.GetValue<int>());
    }

    [Fact]
    public async Task InvalidJsonTwice_FallsBackToTheOfflineEngine()
    {
        fixture.Server.Reset((request, _) => request.IsFor("Investigate")
            ? new LlmReply(LlmScenario.InvestigateJson())
            : new LlmReply("{\"summary\": 42}"));
        var (user, submission) = await LlmScenario.SubmitAsync(fixture);

        var feedback = submission["aiFeedback"]!;
        Assert.Equal("offline", feedback["mode"]!.GetValue<string>());
        var summary = feedback["summary"]!.GetValue<string>();
        Assert.InRange(SmartSolverApp.Words(summary), 80, 160);
        Assert.Contains("“cem reais em 3x”", summary, StringComparison.Ordinal);
        Assert.Contains("linha 4", summary, StringComparison.Ordinal);
        var response = (await fixture.UsageAsync(user.Id)).Where(u => u.Agent == "response").ToList();
        Assert.Equal([("respond", AiCallStatus.Invalid), ("respond:repair", AiCallStatus.Invalid)], response.Select(u => (u.Action, u.Status)).ToArray());
    }

    [Fact]
    public async Task Timeout_FallsBackToTheOfflineEngine_AndIsLogged()
    {
        fixture.Server.Reset((_, _) => new LlmReply(LlmScenario.InvestigateJson(), Delay: TimeSpan.FromSeconds(5)));
        var (user, submission) = await LlmScenario.SubmitAsync(fixture);

        var feedback = submission["aiFeedback"]!;
        Assert.Equal("offline", feedback["mode"]!.GetValue<string>());
        Assert.Contains("linha 4", feedback["summary"]!.GetValue<string>(), StringComparison.Ordinal);
        var usage = await fixture.UsageAsync(user.Id);
        Assert.Equal(2, usage.Count);
        Assert.All(usage, u =>
        {
            Assert.Equal(AiCallStatus.Timeout, u.Status);
            Assert.Equal(0, u.TotalTokens);
            Assert.InRange(u.LatencyMs, 1_500, 5_000);
        });
    }

    [Fact]
    public async Task ServerError_FallsBackToTheOfflineEngine()
    {
        fixture.Server.Reset((_, _) => new LlmReply("{}", Status: 500));
        var (user, submission) = await LlmScenario.SubmitAsync(fixture);

        Assert.Equal("offline", submission["aiFeedback"]!["mode"]!.GetValue<string>());
        Assert.All(await fixture.UsageAsync(user.Id), u => Assert.Equal(AiCallStatus.Error, u.Status));
    }

    [Fact]
    public async Task OverDailyQuota_AnswersOfflineWithANotice_WithoutCallingTheModel()
    {
        fixture.Server.Reset(LlmScenario.Valid);
        var client = fixture.App.CreateClient();
        var user = await SmartSolverApp.UserAsync(client);
        await fixture.AddUsageAsync(user.Id, 20_000);

        var submission = await SmartSolverApp.SubmitAndWaitAsync(client, LlmScenario.Slug, LlmScenario.Language, LlmScenario.Code);

        var feedback = submission["aiFeedback"]!;
        Assert.Equal("offline", feedback["mode"]!.GetValue<string>());
        Assert.Contains("limite diário de IA do plano free", feedback["notice"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(fixture.Server.Requests);
        Assert.Equal(0, submission["aiTokensUsed"]!.GetValue<int>());
    }

    [Fact]
    public async Task ModelTextThatLeaksTheSolution_IsReplacedByTheOfflineText()
    {
        var leaked = "Use isto: base, sobra = divmod(total_centavos, parcelas) e some 1 nas primeiras. " + LlmScenario.ModelSummary;
        fixture.Server.Reset((request, _) => new LlmReply(request.IsFor("Investigate") ? LlmScenario.InvestigateJson() : LlmScenario.ResponseJson(leaked)));
        var (_, submission) = await LlmScenario.SubmitAsync(fixture);

        var feedback = submission["aiFeedback"]!;
        Assert.Equal("offline", feedback["mode"]!.GetValue<string>());
        Assert.DoesNotContain("divmod", feedback.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModelTextThatRevealsAHiddenCase_IsReplacedByTheOfflineText()
    {
        var leaked = LlmScenario.ModelSummary + " Num caso oculto, parcelar(1002, 4) deveria dar [251, 251, 250, 250].";
        fixture.Server.Reset((request, _) => new LlmReply(request.IsFor("Investigate") ? LlmScenario.InvestigateJson() : LlmScenario.ResponseJson(leaked)));
        var (_, submission) = await LlmScenario.SubmitAsync(fixture);

        var text = submission["aiFeedback"]!.ToJsonString();
        Assert.Equal("offline", submission["aiFeedback"]!["mode"]!.GetValue<string>());
        Assert.DoesNotContain("1002", text, StringComparison.Ordinal);
    }
}
