using Compila.ChallengeSuites.Harness;
using Compila.ChallengeSuites.Specs;

namespace Compila.ChallengeSuites.Running;

/// <summary>A step that did not do what was expected: its status, the pt-BR message and what was observed.</summary>
internal sealed record StepProblem(TestStatus Status, string Message, string? Actual);

/// <summary>Compares one step's record with its expectation, on the host; the messages name the call as the learner wrote it.</summary>
internal static class ScenarioVerdict
{
    /// <summary>The call as the learner's language spells it, with its arguments: <c>enviarPix("", 0, "2024-03-01")</c>.</summary>
    public static string Call(string language, ScenarioStep step) =>
        $"{ScenarioHarness.MethodName(language, step.Method)}({string.Join(", ", step.Args.Select(JsonValues.Render))})";

    /// <summary>The expectation, as shown in a result's <c>expected</c>.</summary>
    public static string? Expectation(ScenarioStep step) => step.Expectation switch
    {
        StepExpectation.Returns => JsonValues.Render(step.Expected),
        StepExpectation.Refuses => $"recusa com {Quote(step.Refusal!)}",
        _ => "aceita",
    };

    /// <summary>Null when <paramref name="record"/> is what <paramref name="step"/> expects.</summary>
    public static StepProblem? Check(ScenarioClass cls, ScenarioStep step, StepRecord record, string call)
    {
        var method = cls.Find(step.Method)!;
        switch (record.Ok, record.Kind)
        {
            case (false, "refused"):
            {
                var message = record.Error ?? "";
                var refusal = $"recusa com {Quote(message)}";
                if (step.Expectation == StepExpectation.Refuses)
                {
                    return message == step.Refusal ? null
                        : new StepProblem(TestStatus.Fail, $"{call}: recusada com {Quote(message)}, esperado {Quote(step.Refusal!)}", refusal);
                }
                return new StepProblem(TestStatus.Fail, $"{call} foi recusada com {Quote(message)}", refusal);
            }
            case (false, "serialize"):
                return new StepProblem(TestStatus.Fail, $"{call}: tipo de retorno incorreto: o valor retornado não pode ser convertido ({record.Error}); esperado {method.Returns}.", null);
            case (false, _):
            {
                var where = record.Line is { } line ? $" (linha {line})" : "";
                return new StepProblem(TestStatus.Error, $"{call}: seu código lançou uma exceção{where}: {record.Error}", null);
            }
        }
        var actual = JsonValues.Render(record.Value);
        switch (step.Expectation)
        {
            case StepExpectation.Refuses:
                return new StepProblem(TestStatus.Fail, $"{call}: aceita, esperado recusar com {Quote(step.Refusal!)}", "aceita");
            case StepExpectation.Returns:
                if (JsonValues.TypeMismatch(record.Value, method.Returns!, "retorno") is { } mismatch)
                {
                    return new StepProblem(TestStatus.Fail, $"{call}: tipo de retorno incorreto: {mismatch}.", actual);
                }
                return ValueComparer.AreEqual(Comparator.Exact, step.Expected, record.Value) ? null
                    : new StepProblem(TestStatus.Fail, $"{call} = {actual}, esperado {JsonValues.Render(step.Expected)}", actual);
            default:
                return null;
        }
    }

    static string Quote(string text) => JsonValues.Render(System.Text.Json.Nodes.JsonValue.Create(text));
}
