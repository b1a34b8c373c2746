using System.Text.Json.Nodes;
using Compila.Web.Features.Tutor;
using Compila.Web.Tests.Features.Ai;
using Compila.Web.Tests.Features.Submissions;
using Compila.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Compila.Web.Tests.Features.Tutor;

public sealed class TutorWithModelTests(LlmAppFixture llm) : IClassFixture<LlmAppFixture>
{
    async Task<(HttpClient Client, TestUser User)> SignedInAsync()
    {
        await llm.App.Services.GetRequiredService<KnowledgeIndexer>().Ready;
        var client = llm.App.CreateClient();
        var user = await client.RegisterAsync();
        return (client.Authorized(user.AccessToken), user);
    }

    [Fact]
    public async Task Chat_WithAModel_StreamsTheAnswer_CitesSources_AndLogsUsage()
    {
        var (_, user) = await SignedInAsync();
        llm.Server.Reset((_, _) => new LlmReply("Uma tupla é imutável e uma lista pode mudar; veja [python-colecoes] para exemplos.", 321, 45));
        await using var chat = await ChatClient.ConnectAsync(llm.App, user.AccessToken);

        var (deltas, reply) = await chat.AskAsync(new { message = "Qual a diferença entre lista e tupla em Python?" });

        Assert.True(deltas.Count > 3, $"expected a streamed answer, got {deltas.Count} deltas");
        Assert.Equal(reply["message"]!.GetValue<string>(), string.Concat(deltas));
        Assert.Equal(llm.Model, reply["mode"]!.GetValue<string>());
        Assert.Equal(366, reply["tokens_used"]!.GetValue<int>());
        Assert.Equal("python-colecoes", Assert.Single(reply["resources"]!.AsArray())!["documentId"]!.GetValue<string>());
        var request = Assert.Single(llm.Server.Requests);
        Assert.Contains("[python-colecoes]", request.Prompt, StringComparison.Ordinal);
        Assert.Contains("Qual a diferença entre lista e tupla", request.Prompt, StringComparison.Ordinal);
        Assert.DoesNotContain(LlmAppFixture.ApiKey, reply.ToJsonString(), StringComparison.Ordinal);
        var usage = await llm.UsageAsync(user.Id);
        Assert.Contains(usage, u => u.Agent == "tutor" && u.TotalTokens == 366);
    }

    [Fact]
    public async Task Chat_WhenTheModelReproducesTheSolution_TheAnswerIsReplaced_AndNothingLeaksWhileStreaming()
    {
        var (client, user) = await SignedInAsync();
        var challengeId = await SubmissionScenario.ChallengeIdAsync(client);
        llm.Server.Reset((_, _) => new LlmReply("Claro! Aqui está:\n" + SubmissionScenario.PythonSolution));
        await using var chat = await ChatClient.ConnectAsync(llm.App, user.AccessToken);

        var (deltas, reply) = await chat.AskAsync(new { message = "como eu começo a pensar nesse problema?", challenge_id = challengeId });

        Assert.Empty(deltas);
        var text = reply["message"]!.GetValue<string>();
        Assert.Contains("Não posso entregar a solução pronta", text, StringComparison.Ordinal);
        foreach (var line in SubmissionScenario.PythonSolution.Split('\n').Select(l => l.Trim()).Where(l => l.Length >= 25))
        {
            Assert.DoesNotContain(line, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Chat_FromAChallenge_ThePromptCarriesTheStatementAndCode_ButNoHiddenCaseOrSolution()
    {
        var (client, user) = await SignedInAsync();
        var challengeId = await SubmissionScenario.ChallengeIdAsync(client);
        await SubmissionScenario.WaitJudgedAsync(client, await SubmissionScenario.SubmitAsync(client, challengeId, "python", "# minha tentativa\n" + SubmissionScenario.PythonStarter));
        llm.Server.Reset((_, _) => new LlmReply("Pense no caso vazio primeiro."));
        await using var chat = await ChatClient.ConnectAsync(llm.App, user.AccessToken);

        await chat.AskAsync(new { message = "onde estou errando?", challenge_id = challengeId });

        var prompt = Assert.Single(llm.Server.Requests).Prompt;
        Assert.Contains(SubmissionScenario.Challenge.Title, prompt, StringComparison.Ordinal);
        Assert.Contains("# minha tentativa", prompt, StringComparison.Ordinal);
        var spec = (Compila.ChallengeSuites.Specs.FunctionTestSpec)SubmissionScenario.Challenge.Tests;
        foreach (var hidden in spec.Cases.Where(c => c.Hidden))
        {
            Assert.DoesNotContain(hidden.Name, prompt, StringComparison.Ordinal);
            var args = new JsonArray(hidden.Args.Select(a => a?.DeepClone()).ToArray()).ToJsonString();
            if (args.Length >= 12)
            {
                Assert.DoesNotContain(args[1..^1], prompt, StringComparison.Ordinal);
            }
        }

        var starter = SubmissionScenario.PythonStarter.Split('\n').Select(l => l.Trim()).ToHashSet();
        foreach (var line in SubmissionScenario.PythonSolution.Split('\n').Select(l => l.Trim()).Where(l => l.Length >= 25 && !starter.Contains(l)))
        {
            Assert.DoesNotContain(line, prompt, StringComparison.Ordinal);
        }
    }
}
