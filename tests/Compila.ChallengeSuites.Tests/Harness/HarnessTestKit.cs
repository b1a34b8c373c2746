using System.Text.Json.Nodes;
using Compila.ChallengeSuites.Running;
using Compila.ChallengeSuites.Specs;

namespace Compila.ChallengeSuites.Tests.Harness;

/// <summary>Builds small function specs and runs learner code for them through the real judge.</summary>
internal static class HarnessTestKit
{
    public static TypeRef Type(string text) => TypeRef.TryParse(text, out var error) ?? throw new ArgumentException(error);

    public static FunctionSignature Signature(string name, string returns, params (string Name, string Type)[] parameters) =>
        new(name, parameters.Select(p => new Parameter(p.Name, Type(p.Type))).ToList(), Type(returns));

    public static FunctionCase Case(string name, string argsJson, string expectedJson, Comparator? comparator = null, bool hidden = false) =>
        new(name, JsonNode.Parse(argsJson)!.AsArray().Select(a => a?.DeepClone()).ToList(), JsonNode.Parse(expectedJson), comparator ?? Comparator.Exact, hidden);

    public static Task<TestRunResult> RunAsync(IJudge judge, string language, FunctionTestSpec spec, string code, RunLimits? limits = null) =>
        new ChallengeTestRunner(judge, new TestRunOptions { Limits = limits })
            .RunAsync(spec, language, [new SourceFile("code", code)], TestContext.Current.CancellationToken);

    public static string Describe(TestRunResult result) =>
        $"{result.Status} {result.Passed}/{result.Total}; compile: {result.CompileOutput}; message: {result.Message}\n" +
        string.Join("\n", result.Tests.Select(t => $"  {t.Name}: {t.Status} {t.Message} expected={t.Expected} actual={t.Actual} output={t.Output}"));
}
