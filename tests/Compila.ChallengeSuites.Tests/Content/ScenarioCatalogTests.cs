using Compila.ChallengeSuites.Content;
using Compila.ChallengeSuites.Specs;

namespace Compila.ChallengeSuites.Tests.Content;

/// <summary>Reading <c>kind: scenario</c>, and the clear refusal of the removed <c>kind: native</c>.</summary>
[Trait("Lane", "Fast")]
public sealed class ScenarioCatalogTests : IDisposable
{
    readonly string root = Path.Combine(Path.GetTempPath(), "compila-scenario-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    const string Metadata = """
        title: Contador
        short_description: Conte.
        stack: backend
        level: beginner
        difficulty: 1
        technologies: [python]
        requirements:
          - Conte.
        estimated_time_minutes: 5
        """;

    const string Tests = """
        kind: scenario
        class:
          name: contador
          constructor: { go: "NovoContador()" }
          error: erro_contador
          error_names: { java: ErroContadorException }
          methods:
            - { name: somar, params: [{ name: n, type: int }], raises: true }
            - { name: total, returns: int }
        cases:
          - name: soma
            steps:
              - { call: somar, args: [2] }
              - { call: total, returns: 2 }
          - name: recusa
            hidden: true
            steps:
              - { call: somar, args: [0], refuses: valor inválido }
        """;

    CatalogLoadResult Load(string tests, bool starter = true)
    {
        var dir = Path.Combine(root, "challenges", "contador");
        Directory.CreateDirectory(Path.Combine(dir, "solution"));
        Directory.CreateDirectory(Path.Combine(dir, "starter"));
        File.WriteAllText(Path.Combine(dir, "challenge.yaml"), Metadata);
        File.WriteAllText(Path.Combine(dir, "tests.yaml"), tests);
        File.WriteAllText(Path.Combine(dir, "description.md"), "# Contador\n");
        File.WriteAllText(Path.Combine(dir, "solution", "solution.py"), "class Contador:\n    pass\n");
        if (starter)
        {
            File.WriteAllText(Path.Combine(dir, "starter", "solution.py"), "class Contador:\n    pass\n");
        }
        return ChallengeCatalog.Load(root);
    }

    [Fact]
    public void Scenario_LoadsTheClassItsMethodsAndTheSteps()
    {
        var result = Load(Tests);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var c = Assert.Single(result.Catalog!.Challenges);
        var spec = Assert.IsType<ScenarioTestSpec>(c.Tests);
        Assert.Equal(("contador", "erro_contador"), (spec.Class.Name, spec.Class.ErrorName));
        Assert.Equal("NovoContador()", spec.Class.ConstructorOverrides["go"]);
        Assert.Equal("ErroContadorException", spec.Class.ErrorOverrides["java"]);
        Assert.True(spec.Class.Find("somar")!.Raises);
        Assert.Equal(TypeRef.Int, spec.Class.Find("total")!.Returns);
        Assert.Equal([StepExpectation.Completes, StepExpectation.Returns], spec.Cases[0].Steps.Select(s => s.Expectation));
        Assert.Equal("valor inválido", spec.Cases[1].Steps[0].Refusal);
        Assert.True(spec.Cases[1].Hidden);
        Assert.Equal(1, c.HiddenCaseCount());
    }

    [Theory]
    [InlineData("{ call: dividir, args: [2] }", "não é um método de contador")]
    [InlineData("{ call: somar, args: [2, 3] }", "somar tem 1 parâmetro(s), o passo tem 2")]
    [InlineData("{ call: somar, args: [\"dois\"] }", "args.n")]
    [InlineData("{ call: somar, args: [2], returns: 2 }", "somar não devolve valor")]
    [InlineData("{ call: total, refuses: erro }", "total não está marcado com raises: true")]
    [InlineData("{ call: total, returns: \"dois\" }", "returns")]
    public void Scenario_WithABadStep_IsAContentErrorWithItsLine(string step, string message)
    {
        var result = Load(Tests.Replace("{ call: total, returns: 2 }", step, StringComparison.Ordinal));

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors, e => e.Message.Contains(message, StringComparison.Ordinal));
        Assert.Equal(14, error.Line);
    }

    [Fact]
    public void Scenario_WithoutAnExplicitStarter_IsAContentError()
    {
        var result = Load(Tests, starter: false);

        Assert.Contains(result.Errors, e => e.Message.Contains("starter explícito", StringComparison.Ordinal));
    }

    [Fact]
    public void NativeKind_IsRefused_SayingWhyAndWhatToUse()
    {
        var result = Load("kind: native\n");

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Contains("kind: native não é mais aceito", error.Message, StringComparison.Ordinal);
        Assert.Contains("forjar", error.Message, StringComparison.Ordinal);
        Assert.Contains("kind: scenario", error.Message, StringComparison.Ordinal);
    }
}
