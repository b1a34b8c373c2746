using Compila.Web.Features.Ai;
using Compila.Web.Features.Tutor;
using Compila.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Compila.Web.Tests.Features.Ai;

public sealed class AnthropicFixture() : IAsyncLifetime
{
    public LlmAppFixture Inner { get; } = LlmAppFixture.Anthropic();

    public ValueTask InitializeAsync() => Inner.InitializeAsync();

    public ValueTask DisposeAsync() => Inner.DisposeAsync();
}

/// <summary>The Smart Solver against a local server speaking Anthropic's messages protocol.</summary>
public sealed class AnthropicProviderTests(AnthropicFixture anthropic) : IClassFixture<AnthropicFixture>
{
    readonly LlmAppFixture fixture = anthropic.Inner;

    [Fact]
    public async Task ValidJson_IsUsed_OverTheMessagesApi()
    {
        fixture.Server.Reset(LlmScenario.Valid);
        var (user, submission) = await LlmScenario.SubmitAsync(fixture);

        Assert.Equal("fake-claude", submission["aiFeedback"]!["mode"]!.GetValue<string>());
        var requests = fixture.Server.Requests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r =>
        {
            Assert.Equal("/v1/messages", r.Path);
            Assert.Equal(LlmAppFixture.ApiKey, r.Headers["x-api-key"]);
            Assert.Equal(AnthropicChatClient.ApiVersion, r.Headers["anthropic-version"]);
            Assert.Contains("agente", r.Body["system"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal("user", r.Body["messages"]![0]!["role"]!.GetValue<string>());
            Assert.Contains("return [int(total_centavos / parcelas)] * parcelas", r.Prompt, StringComparison.Ordinal);
            foreach (var hidden in LlmScenario.HiddenValues)
            {
                Assert.DoesNotContain(hidden, r.Prompt, StringComparison.Ordinal);
            }
        });
        Assert.Equal(700, requests.Single(r => r.IsFor("Response")).Body["max_tokens"]!.GetValue<int>());

        var usage = await fixture.UsageAsync(user.Id);
        Assert.Equal(2, usage.Count);
        Assert.All(usage, u =>
        {
            Assert.Equal(AiCallStatus.Success, u.Status);
            Assert.Equal("fake-claude", u.ModelUsed);
            Assert.Equal(150, u.TotalTokens);
            Assert.Equal(20, u.CostCents);
        });
        Assert.Equal(300, submission["aiTokensUsed"]!.GetValue<int>());
    }

    [Fact]
    public async Task InvalidThenTimeout_FallsBackToTheOfflineEngine()
    {
        fixture.Server.Reset((request, call) => request.IsFor("Investigate")
            ? new LlmReply("isto não é JSON")
            : new LlmReply(LlmScenario.ResponseJson(), Delay: TimeSpan.FromSeconds(5)));
        var (user, submission) = await LlmScenario.SubmitAsync(fixture);

        Assert.Equal("offline", submission["aiFeedback"]!["mode"]!.GetValue<string>());
        var usage = await fixture.UsageAsync(user.Id);
        Assert.Equal([AiCallStatus.Invalid, AiCallStatus.Invalid, AiCallStatus.Timeout], usage.Select(u => u.Status).ToArray());
    }

    [Fact]
    public async Task TutorChat_StreamsTheAnswer_OverTheMessagesApi_WithItsUsage()
    {
        await fixture.App.Services.GetRequiredService<KnowledgeIndexer>().Ready;
        var client = fixture.App.CreateClient();
        var user = await client.RegisterAsync();
        fixture.Server.Reset((_, _) => new LlmReply("Uma tupla é imutável e uma lista pode mudar; veja [python-colecoes].", 210, 34));
        await using var chat = await ChatClient.ConnectAsync(fixture.App, user.AccessToken);

        var (deltas, reply) = await chat.AskAsync(new { message = "Qual a diferença entre lista e tupla em Python?" });

        Assert.True(deltas.Count > 3, $"expected a streamed answer, got {deltas.Count} deltas");
        Assert.Equal("Uma tupla é imutável e uma lista pode mudar; veja [python-colecoes].", string.Concat(deltas));
        Assert.Equal(244, reply["tokens_used"]!.GetValue<int>());
        var request = Assert.Single(fixture.Server.Requests);
        Assert.Equal("/v1/messages", request.Path);
        Assert.True(request.Body["stream"]!.GetValue<bool>());
        var usage = await fixture.UsageAsync(user.Id);
        Assert.Contains(usage, u => u.Agent == "tutor" && u.TotalTokens == 244 && u.Status == AiCallStatus.Success);
    }
}
