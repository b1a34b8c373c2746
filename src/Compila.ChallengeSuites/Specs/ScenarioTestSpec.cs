using System.Text.Json.Nodes;

namespace Compila.ChallengeSuites.Specs;

/// <summary>
/// A method of a scenario's class. <see cref="Name"/> is snake_case; <see cref="Returns"/> is null for a
/// method that returns nothing. <see cref="Raises"/> marks the methods that may refuse with the class's
/// error: in Go they return <c>error</c> (or <c>(T, error)</c>), elsewhere they throw.
/// </summary>
public sealed record ScenarioMethod(string Name, IReadOnlyList<Parameter> Parameters, TypeRef? Returns, bool Raises);

/// <summary>
/// The class a scenario drives: snake_case <see cref="Name"/> and error name (PascalCase in every
/// language unless <see cref="ErrorOverrides"/> says otherwise), and per-language overrides of the
/// expression that makes a fresh instance (<see cref="ConstructorOverrides"/>, e.g. Go's <c>NovaCarteiraPix()</c>).
/// Go has no error class: a refusal there is a non-nil <c>error</c> returned by a raising method.
/// </summary>
public sealed record ScenarioClass(
    string Name,
    IReadOnlyList<ScenarioMethod> Methods,
    string ErrorName,
    IReadOnlyDictionary<string, string> ConstructorOverrides,
    IReadOnlyDictionary<string, string> ErrorOverrides)
{
    /// <summary>The method called <paramref name="name"/>, or null.</summary>
    public ScenarioMethod? Find(string name) => Methods.FirstOrDefault(m => m.Name == name);
}

/// <summary>What a step expects: nothing (it must not raise), a returned value, or a refusal with an exact message.</summary>
public enum StepExpectation
{
    /// <summary>The call must complete without raising; whatever it returns is not checked.</summary>
    Completes,
    /// <summary>The call must return <see cref="ScenarioStep.Expected"/>.</summary>
    Returns,
    /// <summary>The call must raise the class's error with <see cref="ScenarioStep.Refusal"/> as its message.</summary>
    Refuses,
}

/// <summary>One call of a scenario on its instance. Only <see cref="Method"/> and <see cref="Args"/> ever enter the sandbox.</summary>
public sealed record ScenarioStep(string Method, IReadOnlyList<JsonNode?> Args, StepExpectation Expectation, JsonNode? Expected, string? Refusal);

/// <summary>A fresh instance of the class and a sequence of steps on it.</summary>
public sealed record ScenarioCase(string Name, IReadOnlyList<ScenarioStep> Steps, bool Hidden);

/// <summary>Stateful-class challenges: each case creates an instance and checks a sequence of calls; see <see cref="Harness.ScenarioHarness"/>.</summary>
public sealed record ScenarioTestSpec(ScenarioClass Class, IReadOnlyList<ScenarioCase> Cases) : TestSpec
{
    public override int CaseCount => Cases.Count;
}
