using System.Text.Json.Nodes;
using Compila.Judge.Testing.Running;
using Compila.Judge.Testing.Specs;

namespace Compila.Judge.Testing.Harness;

/// <summary>
/// Test files written in a language's own framework, run in the sandbox and normalised into
/// <see cref="TestResult"/>s. Supported: Python <c>unittest</c> (<c>native/test_solution.py</c>)
/// JavaScript <c>node:test</c> (<c>native/solution.test.js</c>), a small C# harness of ours
/// (<c>native/Tests.cs</c>: public static void methods of classes named <c>*Tests</c>, with an <c>Assert</c> class)
/// and Java JUnit 5 syntax (<c>native/SolutionTest.java</c>) compiled against a subset of
/// <c>org.junit.jupiter.api</c> of ours (@Test, @DisplayName, Assertions), since no JUnit jar is on the sandbox's classpath.
/// </summary>
public static class NativeTests
{
    /// <summary>The test file each supported language reads from <c>native/</c>, by language id.</summary>
    public static readonly IReadOnlyDictionary<string, string> TestFileNames = new Dictionary<string, string>
    {
        ["python"] = "test_solution.py",
        ["javascript"] = "solution.test.js",
        ["csharp"] = "Tests.cs",
        ["java"] = "SolutionTest.java",
    };

    /// <summary>The JUnit 5 subset compiled next to Java tests (no JUnit jar runs in the sandbox).</summary>
    static readonly string[] JUnitSubset = ["Test", "DisplayName", "Assertions", "AssertionFailedError"];

    internal static async Task<TestRunResult> RunAsync(IJudge judge, NativeTestSpec spec, string language, IReadOnlyList<SourceFile> files, TestRunOptions options, CancellationToken ct)
    {
        if (!spec.FilesByLanguage.TryGetValue(language, out var testFiles) || !TestFileNames.ContainsKey(language))
        {
            throw new ArgumentException($"No native tests for '{language}'.", nameof(language));
        }
        var lang = TestLanguages.Get(language);
        var runner = HarnessGenerator.Runtime(language + "_native");
        var request = new List<SourceFile> { new(lang.EntryFileName, runner), new(lang.ContentFileName, files[0].Content) };
        request.AddRange(testFiles);
        if (language == "java")
        {
            request.AddRange(JUnitSubset.Select(n => new SourceFile($"org/junit/jupiter/api/{n}.java", HarnessGenerator.Runtime("junit_" + n))));
        }
        var batch = await ChallengeTestRunner.RunBatchAsync(judge, new BatchRequest(language, request, [new RunInput()], options.Limits), ct).ConfigureAwait(false);
        if (!batch.Compiled || batch.Runs.Count == 0)
        {
            return TestRunResult.From([], batch.CompileOutput, "O código não compilou.", compiled: false);
        }
        var run = batch.Runs[0];
        var results = new List<TestResult>();
        var stray = "";
        foreach (var line in run.Stdout.Split('\n'))
        {
            var at = line.IndexOf(HarnessGenerator.Marker, StringComparison.Ordinal);
            if (at < 0)
            {
                stray += line;
                continue;
            }
            if (JsonNode.Parse(line[(at + HarnessGenerator.Marker.Length)..]) is not JsonObject rec)
            {
                continue;
            }
            var status = rec["status"]?.GetValue<string>() switch
            {
                "pass" => TestStatus.Pass,
                "fail" => TestStatus.Fail,
                _ => TestStatus.Error,
            };
            var output = ChallengeTestRunner.Cap(stray + line[..at] + rec["out"]?.GetValue<string>(), options.OutputCapChars);
            stray = "";
            var message = status == TestStatus.Pass ? null
                : (status == TestStatus.Fail ? "Falhou: " : "Erro: ") + rec["error"]?.GetValue<string>();
            var ms = rec["ms"] is JsonValue v ? JsonValues.GetDouble(v) : 0;
            results.Add(new TestResult(rec["name"]?.GetValue<string>() ?? "teste", status, message, null, null, output, ms, Hidden: false));
        }
        if (run.Status != RunStatus.Accepted)
        {
            results.Add(new TestResult("execução dos testes", TestStatus.Error, ChallengeTestRunner.DeathMessage(run), null, null,
                ChallengeTestRunner.Cap(run.Stderr, options.OutputCapChars), run.WallTimeMs, Hidden: false));
        }
        return results.Count == 0
            ? TestRunResult.From([], batch.CompileOutput, "Nenhum teste foi executado." + (string.IsNullOrWhiteSpace(run.Stderr) ? "" : "\n" + run.Stderr))
            : TestRunResult.From(results, batch.CompileOutput);
    }
}
