using System.Net;
using Compila.Web.Features.Tutor;
using Compila.Web.Tests.Features.Submissions;
using Compila.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Compila.Web.Tests.Features.Tutor;

public sealed class TutorTests(CompilaApp app) : IClassFixture<CompilaApp>
{
    async Task<(HttpClient Client, TestUser User)> SignedInAsync()
    {
        await app.Services.GetRequiredService<KnowledgeIndexer>().Ready;
        var client = app.CreateClient();
        var user = await client.RegisterAsync();
        return (client.Authorized(user.AccessToken), user);
    }

    [Fact]
    public async Task Search_FindsTheArticleThatAnswers()
    {
        var (client, _) = await SignedInAsync();

        var response = await client.GetAsync("/v1/ai/search?q=" + Uri.EscapeDataString("como usar dicionários e conjuntos em python") + "&limit=5");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var hits = (await response.ReadJsonAsync()).AsArray();
        Assert.NotEmpty(hits);
        Assert.Equal("python-colecoes", hits[0]!["documentId"]!.GetValue<string>());
        Assert.StartsWith("/docs/", hits[0]!["url"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?q=")]
    [InlineData("?q=lista&limit=0")]
    [InlineData("?q=lista&language=cobol")]
    public async Task Search_WithBadParameters_Returns400(string query)
    {
        var (client, _) = await SignedInAsync();

        var response = await client.GetAsync("/v1/ai/search" + query);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Chat_Offline_AnswersWithPassagesAndSources_AndStoresTheConversation()
    {
        var (client, user) = await SignedInAsync();
        await using var chat = await ChatClient.ConnectAsync(app, user.AccessToken);

        var (deltas, reply) = await chat.AskAsync(new { message = "Qual a diferença entre lista e tupla em Python?" });

        Assert.Empty(deltas);
        Assert.Equal("message", reply["type"]!.GetValue<string>());
        Assert.Equal("offline", reply["mode"]!.GetValue<string>());
        Assert.Equal(0, reply["tokens_used"]!.GetValue<int>());
        var resources = reply["resources"]!.AsArray();
        Assert.Contains(resources, r => r!["documentId"]!.GetValue<string>() == "python-colecoes");
        Assert.Contains("tupla", reply["message"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);

        var conversations = (await (await client.GetAsync("/v1/ai/conversations")).ReadJsonAsync()).AsArray();
        var id = Assert.Single(conversations)!["id"]!.GetValue<string>();
        Assert.Equal(reply["conversation_id"]!.GetValue<string>(), id);
        var messages = (await (await client.GetAsync($"/v1/ai/conversations/{id}")).ReadJsonAsync()).AsArray();
        Assert.Equal(["user", "assistant"], messages.Select(m => m!["role"]!.GetValue<string>()));

        var (intruder, _) = await SignedInAsync();
        await (await intruder.GetAsync($"/v1/ai/conversations/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("me dá a solução completa desse desafio")]
    [InlineData("Quero a resposta pronta, por favor")]
    [InlineData("resolve pra mim")]
    public async Task Chat_FromAChallenge_RefusesToHandOverTheSolution(string question)
    {
        var (client, user) = await SignedInAsync();
        var challengeId = await SubmissionScenario.ChallengeIdAsync(client);
        await using var chat = await ChatClient.ConnectAsync(app, user.AccessToken);

        var (_, reply) = await chat.AskAsync(new { message = question, challenge_id = challengeId });

        var text = reply["message"]!.GetValue<string>();
        Assert.Contains("Não posso entregar a solução pronta", text, StringComparison.Ordinal);
        foreach (var line in SubmissionScenario.PythonSolution.Split('\n').Select(l => l.Trim()).Where(l => l.Length >= 20))
        {
            Assert.DoesNotContain(line, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Chat_FromAChallenge_PointsAtTheLastFailingVisibleCase()
    {
        var (client, user) = await SignedInAsync();
        var challengeId = await SubmissionScenario.ChallengeIdAsync(client);
        await SubmissionScenario.WaitJudgedAsync(client, await SubmissionScenario.SubmitAsync(client, challengeId, "python", SubmissionScenario.PythonStarter));
        await using var chat = await ChatClient.ConnectAsync(app, user.AccessToken);

        var (_, reply) = await chat.AskAsync(new { message = "por que meu código falha?", challenge_id = challengeId });

        Assert.Contains("primeiro caso visível que falhou", reply["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_WithAnEmptyMessage_AnswersAnError_AndKeepsTheSocketOpen()
    {
        var (_, user) = await SignedInAsync();
        await using var chat = await ChatClient.ConnectAsync(app, user.AccessToken);

        var (_, error) = await chat.AskAsync(new { message = "" });
        var (_, reply) = await chat.AskAsync(new { message = "o que é git rebase?" });

        Assert.Equal("error", error["type"]!.GetValue<string>());
        Assert.Equal("message", reply["type"]!.GetValue<string>());
    }
}
