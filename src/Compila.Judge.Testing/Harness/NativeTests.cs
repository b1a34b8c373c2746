using System.Text.Json.Nodes;
using Compila.Judge.Testing.Running;
using Compila.Judge.Testing.Specs;

namespace Compila.Judge.Testing.Harness;

/// <summary>
/// Test files written in a language's own framework, run in the sandbox and normalised into
/// <see cref="TestResult"/>s: Python <c>unittest</c>, <c>node:test</c> for JavaScript and TypeScript, JUnit 5 (Debian's
/// junit5, through the JUnit Platform launcher), <c>go test</c> (see <see cref="GoTests"/>) and a small C# harness of
/// ours (public static void methods of classes named <c>*Tests</c>, with an <c>Assert</c> class).
/// Except for Go, a runner of ours is the entry file and prints one marked JSON record per test.
/// </summary>
public static class NativeTests
{
    /// <summary>The test file each supported language reads from <c>native/</c>, by language id.</summary>
    public static readonly IReadOnlyDictionary<string, string> TestFileNames = new Dictionary<string, string>
    {
        ["python"] = "test_solution.py",
        ["javascript"] = "solution.test.js",
        ["typescript"] = "solution.test.ts",
        ["java"] = "SolutionTest.java",
        ["go"] = "solution_test.go",
        ["csharp"] = "Tests.cs",
    };

    internal static Task<TestRunResult> RunAsync(IJudge judge, NativeTestSpec spec, string language, IReadOnlyList<SourceFile> files, TestRunOptions options, CancellationToken ct)
    {
        if (!spec.FilesByLanguage.TryGetValue(language, out var testFiles) || !TestFileNames.ContainsKey(language))
        {
            throw new ArgumentException($"No native tests for '{language}'.", nameof(language));
        }
        var lang = TestLanguages.Get(language);
        var solution = new SourceFile(lang.ContentFileName, files[0].Content);
        return language == "go"
            ? GoTests.RunAsync(judge, solution, testFiles, options, ct)
            : RunWithRunnerAsync(judge, lang, solution, testFiles, options, ct);
    }

    static async Task<TestRunResult> RunWithRunnerAsync(IJudge judge, TestLanguage lang, SourceFile solution, IReadOnlyList<SourceFile> testFiles, TestRunOptions options, CancellationToken ct)
    {
        // TypeScript reuses the node:test runner: tsc compiles it as main.ts, and the tests land in .out/.
        var typescript = lang.Id == "typescript";
        var runner = HarnessGenerator.Runtime(typescript ? "javascript_native" : lang.Id + "_native");
        var request = new List<SourceFile> { new(lang.EntryFileName, runner), solution };
        request.AddRange(testFiles);
        var input = typescript ? new RunInput(Args: [".out/" + Path.ChangeExtension(testFiles[0].Path, ".js")]) : new RunInput();
        var batch = await ChallengeTestRunner.RunBatchAsync(judge, new BatchRequest(lang.Id, request, [input], options.Limits), ct).ConfigureAwait(false);
        if (!batch.Compiled || batch.Runs.Count == 0)
        {
            return TestRunResult.From([], batch.CompileOutput, "O código não compilou.", compiled: false);
        }
        var run = batch.Runs[0];
        var results = ParseRecords(run.Stdout, options);
        if (run.Status != RunStatus.Accepted)
        {
            results.Add(new TestResult("execução dos testes", TestStatus.Error, ChallengeTestRunner.DeathMessage(run), null, null,
                ChallengeTestRunner.Cap(run.Stderr, options.OutputCapChars), run.WallTimeMs, Hidden: false));
        }
        return results.Count == 0
            ? TestRunResult.From([], batch.CompileOutput, "Nenhum teste foi executado." + (string.IsNullOrWhiteSpace(run.Stderr) ? "" : "\n" + run.Stderr))
            : TestRunResult.From(results, batch.CompileOutput);
    }

    /// <summary>The runner's marked records; output printed between two records belongs to the second.</summary>
    static List<TestResult> ParseRecords(string stdout, TestRunOptions options)
    {
        var results = new List<TestResult>();
        var stray = "";
        foreach (var line in stdout.Split('\n'))
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
        return results;
    }
}
