using System.Text.Json.Nodes;
using Compila.Web.Features.Ai;
using Microsoft.Extensions.Options;

namespace Compila.Web.Tests.Features.Ai;

[Trait("Lane", "Fast")]
public sealed class StructuredOutputTests
{
    static readonly JsonObject Schema = JsonNode.Parse("""
        {"type": "object", "required": ["summary", "score"], "properties": {
          "summary": {"type": "string"}, "score": {"type": "integer", "minimum": 0, "maximum": 100},
          "kind": {"enum": ["error", "warning"]}, "items": {"type": "array", "maxItems": 2, "items": {"type": "string"}}}}
        """)!.AsObject();

    [Theory]
    [InlineData("{\"summary\": \"ok\", \"score\": 10}")]
    [InlineData("```json\n{\"summary\": \"ok\", \"score\": 10}\n```")]
    [InlineData("Claro! Segue:\n```\n{\"summary\": \"ok\", \"score\": 10}\n```\nAbraço.")]
    [InlineData("Resultado: {\"summary\": \"ok\", \"score\": 10} (fim)")]
    public void TryRead_ToleratesFencesAndProseAroundTheJson(string text)
    {
        var value = StructuredOutput.TryRead(text, Schema, out var error);
        Assert.Null(error);
        Assert.Equal("ok", value!["summary"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{\"summary\": \"ok\"", "JSON inválido")]
    [InlineData("{\"summary\": \"ok\"}", "$.score: obrigatório")]
    [InlineData("{\"summary\": 3, \"score\": 10}", "$.summary: esperado string")]
    [InlineData("{\"summary\": \"ok\", \"score\": 101}", "$.score: maior que 100")]
    [InlineData("{\"summary\": \"ok\", \"score\": 1.5}", "$.score: esperado integer")]
    [InlineData("{\"summary\": \"ok\", \"score\": 1, \"kind\": \"fatal\"}", "$.kind: valor fora de")]
    [InlineData("{\"summary\": \"ok\", \"score\": 1, \"items\": [\"a\", \"b\", \"c\"]}", "$.items: mais de 2 itens")]
    [InlineData("{\"summary\": \"ok\", \"score\": 1, \"items\": [1]}", "$.items[0]: esperado string")]
    public void TryRead_SaysWhatIsWrong(string text, string expected)
    {
        Assert.Null(StructuredOutput.TryRead(text, Schema, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void CircuitBreaker_OpensAfterConsecutiveFailures_AndClosesAfterTheBreak()
    {
        var clock = new ManualClock();
        var options = new StaticOptions(new AiOptions { CircuitBreaker = new AiCircuitBreakerOptions { FailureThreshold = 2, BreakSeconds = 30 } });
        var breaker = new AiCircuitBreaker(options, clock);

        breaker.RecordFailure("p");
        breaker.RecordSuccess("p");
        breaker.RecordFailure("p");
        Assert.False(breaker.IsOpen("p"));
        breaker.RecordFailure("p");
        Assert.True(breaker.IsOpen("p"));
        Assert.False(breaker.IsOpen("other"));
        clock.Advance(TimeSpan.FromSeconds(31));
        Assert.False(breaker.IsOpen("p"));
    }

    sealed class ManualClock : TimeProvider
    {
        DateTimeOffset now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => now;

        public void Advance(TimeSpan by) => now += by;
    }

    sealed class StaticOptions(AiOptions value) : IOptionsMonitor<AiOptions>
    {
        public AiOptions CurrentValue => value;

        public AiOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<AiOptions, string?> listener) => null;
    }
}
