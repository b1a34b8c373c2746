using System.Text.Json.Nodes;
using Compila.Web.Features.Ai;
using Compila.Web.Infrastructure.Data;
using Compila.Web.Tests.Features.SmartSolver;
using Compila.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Compila.Web.Tests.Features.Ai;

/// <summary>A fake model server and an app configured to use it for every agent.</summary>
public sealed class LlmAppFixture : IAsyncLifetime
{
    public const string ApiKey = "sk-test-segredo-0123456789";

    readonly string kind;
    readonly string model;

    public LlmAppFixture() : this("openai", "fake-gpt")
    {
    }

    LlmAppFixture(string kind, string model)
    {
        this.kind = kind;
        this.model = model;
    }

    public static LlmAppFixture Anthropic() => new("anthropic", "fake-claude");

    public FakeLlmServer Server { get; } = new();

    public CompilaApp App { get; private set; } = null!;

    public string Model => model;

    public ValueTask InitializeAsync()
    {
        App = CompilaApp.With(new Dictionary<string, string?>(SmartSolverApp.NoRateLimits)
        {
            ["Compila:Ai:DefaultProvider"] = "fake",
            ["Compila:Ai:Providers:0:Name"] = "fake",
            ["Compila:Ai:Providers:0:Kind"] = kind,
            ["Compila:Ai:Providers:0:BaseUrl"] = kind == "anthropic" ? Server.AnthropicBaseUrl : Server.OpenAiBaseUrl,
            ["Compila:Ai:Providers:0:ApiKey"] = ApiKey,
            ["Compila:Ai:Providers:0:Model"] = model,
            ["Compila:Ai:Agents:response:Temperature"] = "0.3",
            ["Compila:Ai:Agents:response:MaxTokens"] = "700",
            ["Compila:Ai:TimeoutSeconds"] = "2",
            ["Compila:Ai:CircuitBreaker:FailureThreshold"] = "1000",
            [$"Compila:Ai:Prices:{model}:InputCentsPerMillion"] = "100000",
            [$"Compila:Ai:Prices:{model}:OutputCentsPerMillion"] = "200000",
        });
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Server.DisposeAsync();
    }

    public async Task<List<AiUsageLog>> UsageAsync(Guid userId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CompilaDb>();
        var rows = await db.Set<AiUsageLog>().AsNoTracking().Where(l => l.UserId == userId).ToListAsync();
        return [.. rows.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)];
    }

    public async Task AddUsageAsync(Guid userId, int tokens)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CompilaDb>();
        db.Set<AiUsageLog>().Add(new AiUsageLog
        {
            UserId = userId, Agent = "tutor", Action = "chat", InputTokens = tokens, TotalTokens = tokens, ModelUsed = model, Status = AiCallStatus.Success,
            CreatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
    }
}

/// <summary>The wrong solution every LLM test submits, and the model answers the agents expect.</summary>
public static class LlmScenario
{
    public const string Slug = "parcelamento-sem-juros";
    public const string Language = "python";

    public static readonly string Code = WrongSolutions.All.Single(w => w.Id == "py-money").Code;

    /// <summary>Values that only hidden cases of the challenge hold.</summary>
    public static readonly string[] HiddenValues = ["1002", "-100, 2", "[251", "251, 250"];

    public const string ModelSummaryMarker = "MODELO-RESPONDEU";

    public static string InvestigateJson(string title = "Divisão em ponto flutuante") => new JsonObject
    {
        ["error_count"] = 1,
        ["warning_count"] = 0,
        ["issues"] = new JsonArray(new JsonObject
        {
            ["type"] = "error",
            ["severity"] = "high",
            ["title"] = title,
            ["location"] = new JsonObject { ["file"] = "solution.py", ["line"] = 4 },
            ["description"] = "A divisão com / produz um float e o int() corta os centavos que sobram.",
            ["suggestion"] = "Pense em como distribuir o resto da divisão inteira entre as parcelas.",
        }),
        ["strengths"] = new JsonArray("Valida o número de parcelas antes de calcular."),
        ["overall_score"] = 55,
    }.ToJsonString();

    public static string ResponseJson(string? summary = null) => new JsonObject
    {
        ["summary"] = summary ?? ModelSummary,
        ["learning_points"] = new JsonArray("Dinheiro em centavos inteiros.", "Divisão inteira e resto."),
    }.ToJsonString();

    public static readonly string ModelSummary = ModelSummaryMarker + " " + string.Join(' ', Enumerable.Repeat(
        "Seu código falhou no caso cem reais em 3x porque a linha 4 divide em ponto flutuante e corta os centavos restantes.", 6));

    /// <summary>Answers each agent by its system prompt.</summary>
    public static LlmReply Valid(LlmRequest request, int call) =>
        new(request.IsFor("Investigate") ? InvestigateJson() : ResponseJson());

    public static async Task<(TestUser User, JsonNode Submission)> SubmitAsync(LlmAppFixture fixture)
    {
        var client = fixture.App.CreateClient();
        var user = await SmartSolverApp.UserAsync(client);
        var submission = await SmartSolverApp.SubmitAndWaitAsync(client, Slug, Language, Code);
        return (user, submission);
    }
}
