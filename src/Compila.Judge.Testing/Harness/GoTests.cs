using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Compila.Judge.Testing.Running;

namespace Compila.Judge.Testing.Harness;

/// <summary>
/// <c>go test</c> for native Go tests: the judge builds the test binary (<c>go test -c</c>) once, then each
/// <c>TestXxx</c> of the test file runs in its own sandbox (<c>-test.v -test.run ^TestXxx$</c>), so a panic or a
/// time-out ends only that test. Its verbose output is read back: the verdict line, the <c>file.go:N:</c> messages of
/// <c>t.Error</c>/<c>t.Fatal</c>, and everything else as the learner's own output. A test's name is the comment line
/// right above it (pt-BR, for the learner), else the function's name.
/// </summary>
static partial class GoTests
{
    internal static async Task<TestRunResult> RunAsync(IJudge judge, SourceFile solution, IReadOnlyList<SourceFile> testFiles, TestRunOptions options, CancellationToken ct)
    {
        var tests = testFiles.SelectMany(f => Discover(f.Content)).ToList();
        if (tests.Count == 0)
        {
            return TestRunResult.From([], null, "Nenhuma função TestXxx(t *testing.T) foi encontrada nos testes.");
        }
        var inputs = tests.Select(t => new RunInput(Args: ["-test.v", "-test.run", "^" + t.Function + "$"])).ToList();
        var batch = await ChallengeTestRunner.RunBatchAsync(judge, new BatchRequest("go", [solution, .. testFiles], inputs, options.Limits), ct).ConfigureAwait(false);
        if (!batch.Compiled || batch.Runs.Count != tests.Count)
        {
            return TestRunResult.From([], batch.CompileOutput, "O código não compilou.", compiled: false);
        }
        var results = tests.Zip(batch.Runs, (test, run) => Read(test, run, options)).OfType<TestResult>().ToList();
        return TestRunResult.From(results, batch.CompileOutput);
    }

    internal sealed record GoTest(string Function, string Name);

    internal static IEnumerable<GoTest> Discover(string source) =>
        TestFunction().Matches(source).Select(m =>
        {
            var comment = m.Groups["text"].Captures.LastOrDefault()?.Value.Trim();
            return new GoTest(m.Groups["name"].Value, string.IsNullOrEmpty(comment) ? m.Groups["name"].Value : comment);
        });

    /// <summary>One test's result from its run; null when the test skipped itself (t.Skip).</summary>
    internal static TestResult? Read(GoTest test, RunResult run, TestRunOptions options)
    {
        string? verdict = null;
        var ms = run.WallTimeMs;
        var messages = new List<string>();
        var output = new StringBuilder();
        string? subtest = null;
        var lines = run.Stdout.Split('\n');
        foreach (var line in lines.Take(run.Stdout.EndsWith('\n') ? lines.Length - 1 : lines.Length))
        {
            if (Verdict().Match(line) is { Success: true } v)
            {
                if (v.Groups["name"].Value == test.Function)
                {
                    verdict = v.Groups["verdict"].Value;
                    ms = double.Parse(v.Groups["seconds"].Value, CultureInfo.InvariantCulture) * 1000;
                }
            }
            else if (Message().Match(line) is { Success: true } m)
            {
                // A subtest's message is labelled with its case (t.Run("soma exata", …) runs as TestX/soma_exata).
                messages.Add(subtest is null ? m.Groups["text"].Value : $"{subtest}: {m.Groups["text"].Value}");
            }
            else if (Run().Match(line) is { Success: true } started)
            {
                var name = started.Groups["name"].Value;
                var slash = name.IndexOf('/', StringComparison.Ordinal);
                subtest = slash < 0 ? null : name[(slash + 1)..].Replace('_', ' ');
            }
            else if (!FrameworkLine().IsMatch(line))
            {
                output.Append(line).Append('\n');
            }
        }
        var printed = ChallengeTestRunner.Cap(output.ToString(), options.OutputCapChars);
        var panic = Panic().Match(run.Stderr);
        (TestStatus Status, string Message)? outcome = (verdict, run.Status) switch
        {
            ("SKIP", _) => null,
            ("PASS", RunStatus.Accepted) => (TestStatus.Pass, ""),
            _ when panic.Success => (TestStatus.Error, "Erro: panic: " + panic.Groups["value"].Value),
            ("FAIL", RunStatus.RuntimeError) => (TestStatus.Fail,
                "Falhou: " + (messages.Count > 0 ? string.Join("\n", messages) : "o teste marcou uma falha.")),
            (_, RunStatus.Accepted) => (TestStatus.Error, "Erro: o teste não foi executado."),
            (_, RunStatus.RuntimeError) => (TestStatus.Error, "Erro: " + FirstLines(run.Stderr)),
            _ => (TestStatus.Error, ChallengeTestRunner.DeathMessage(run)),
        };
        return outcome is { } o
            ? new TestResult(test.Name, o.Status, o.Status == TestStatus.Pass ? null : o.Message, null, null, printed, ms, Hidden: false)
            : null;
    }

    static string FirstLines(string text) => string.Join("\n", text.Split('\n').Where(l => l.Length > 0).Take(3));

    [GeneratedRegex(@"(?<comment>^[ \t]*//(?<text>[^\n]*)\n)*^func (?<name>Test(?:[^a-z\W]\w*)?)\(\s*\w+\s+\*testing\.T\s*\)", RegexOptions.Multiline)]
    private static partial Regex TestFunction();

    [GeneratedRegex(@"^\s*--- (?<verdict>PASS|FAIL|SKIP): (?<name>\S+) \((?<seconds>[0-9.]+)s\)$")]
    private static partial Regex Verdict();

    [GeneratedRegex(@"^\s+[\w.-]+\.go:\d+: (?<text>.*)$")]
    private static partial Regex Message();

    [GeneratedRegex(@"^=== RUN\s+(?<name>\S+)$")]
    private static partial Regex Run();

    [GeneratedRegex(@"^(=== (PAUSE|CONT|NAME)\s+\S+|PASS|FAIL|ok\s.*|testing: warning: no tests to run)$")]
    private static partial Regex FrameworkLine();

    [GeneratedRegex(@"^panic: (?<value>.*?)(?: \[recovered\])?$", RegexOptions.Multiline)]
    private static partial Regex Panic();
}
