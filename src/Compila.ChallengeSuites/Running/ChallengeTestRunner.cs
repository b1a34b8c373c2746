using System.Globalization;
using Compila.ChallengeSuites.Content;
using Compila.ChallengeSuites.Harness;
using Compila.ChallengeSuites.Specs;

namespace Compila.ChallengeSuites.Running;

/// <summary>Options of a test run.</summary>
public sealed record TestRunOptions
{
    /// <summary>Limits passed to the judge; null takes the language's defaults.</summary>
    public RunLimits? Limits { get; init; }

    /// <summary>The learner's prints kept per test, in characters.</summary>
    public int OutputCapChars { get; init; } = 2000;
}

/// <summary>
/// Runs a challenge's tests against some code through <see cref="IJudge"/> and normalises every
/// outcome into <see cref="TestRunResult"/>. Expected values never leave the host.
/// </summary>
public sealed class ChallengeTestRunner(IJudge judge, TestRunOptions? options = null)
{
    readonly TestRunOptions options = options ?? new TestRunOptions();

    /// <summary>Extra runs after a process died mid-way; bounds the judge time one submission can take.</summary>
    const int MaxRetryRounds = 2;

    /// <summary>Runs <paramref name="challenge"/>'s tests against the learner's <paramref name="files"/> in <paramref name="language"/>.</summary>
    /// <exception cref="ArgumentException">The challenge is not offered in <paramref name="language"/> or no file was given.</exception>
    public Task<TestRunResult> RunAsync(ChallengeSuite challenge, string language, IReadOnlyList<SourceFile> files, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        if (!challenge.Languages.ContainsKey(language))
        {
            throw new ArgumentException($"Challenge '{challenge.Slug}' is not offered in '{language}'.", nameof(language));
        }
        return RunAsync(challenge.Tests, language, files, cancellationToken);
    }

    /// <summary>Runs <paramref name="tests"/> against <paramref name="files"/> in <paramref name="language"/>.</summary>
    public async Task<TestRunResult> RunAsync(TestSpec tests, string language, IReadOnlyList<SourceFile> files, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tests);
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count == 0)
        {
            throw new ArgumentException("At least one source file is needed.", nameof(files));
        }
        TestLanguages.Get(language);
        return tests switch
        {
            FunctionTestSpec f => await RunFunctionAsync(f, language, files[0].Content, cancellationToken).ConfigureAwait(false),
            StdioTestSpec s => await RunStdioAsync(s, language, files, cancellationToken).ConfigureAwait(false),
            ScenarioTestSpec s => await new ScenarioRunner(judge, options).RunAsync(s, language, files[0].Content, cancellationToken).ConfigureAwait(false),
            _ => throw new ArgumentException($"Unknown test kind {tests.GetType().Name}.", nameof(tests)),
        };
    }

    async Task<TestRunResult> RunFunctionAsync(FunctionTestSpec spec, string language, string code, CancellationToken ct)
    {
        var files = HarnessGenerator.Generate(language, spec.Signature, code);
        var cases = spec.Cases;
        var results = new TestResult?[cases.Count];
        var all = Enumerable.Range(0, cases.Count).ToList();

        // Visible and hidden cases run in separate processes of the same compiled artifact, so code
        // running a visible case (whose output the learner sees) never holds a hidden case's arguments.
        var groups = new[] { all.Where(i => !cases[i].Hidden).ToList(), all.Where(i => cases[i].Hidden).ToList() }
            .Where(g => g.Count > 0).ToList();
        var first = await RunBatchAsync(judge,
            new BatchRequest(language, files, groups.Select(g => new RunInput(HarnessGenerator.Stdin(g.Select(i => cases[i])))).ToList(), options.Limits),
            ct).ConfigureAwait(false);
        if (!first.Compiled)
        {
            var compileErrors = cases.Select(c => new TestResult(c.Name, TestStatus.Error, "Erro de compilação: veja a saída do compilador.",
                JsonValues.Render(c.Expected), null, null, 0, c.Hidden)).ToList();
            return TestRunResult.From(compileErrors, first.CompileOutput, "O código não compilou.", compiled: false);
        }
        var remaining = new List<int>();
        var timedOut = false;
        for (var g = 0; g < groups.Count; g++)
        {
            remaining.AddRange(g < first.Runs.Count ? Apply(spec, first.Runs[g], groups[g], results) : groups[g]);
            timedOut |= g < first.Runs.Count && first.Runs[g].Status == RunStatus.TimeLimitExceeded;
        }

        // A process died mid-way: the finished cases stand and the running one got the error. The rest run again
        // (visible and hidden still apart, each group in one process), a few rounds at most; after a time limit
        // only one more round, since an endless loop would burn another full limit per round.
        for (var round = 0; remaining.Count > 0 && round < MaxRetryRounds && !(timedOut && round > 0); round++)
        {
            var retryGroups = new[] { remaining.Where(i => !cases[i].Hidden).ToList(), remaining.Where(i => cases[i].Hidden).ToList() }
                .Where(g => g.Count > 0).ToList();
            var retry = await RunBatchAsync(judge,
                new BatchRequest(language, files, retryGroups.Select(g => new RunInput(HarnessGenerator.Stdin(g.Select(i => cases[i])))).ToList(), options.Limits),
                ct).ConfigureAwait(false);
            var next = new List<int>();
            for (var g = 0; g < retryGroups.Count; g++)
            {
                if (retry.Compiled && g < retry.Runs.Count)
                {
                    next.AddRange(Apply(spec, retry.Runs[g], retryGroups[g], results));
                    timedOut |= retry.Runs[g].Status == RunStatus.TimeLimitExceeded;
                }
                else
                {
                    next.AddRange(retryGroups[g]);
                    timedOut = true;
                }
            }

            remaining = next;
        }

        foreach (var i in remaining)
        {
            var c = cases[i];
            results[i] = new TestResult(c.Name, TestStatus.Error,
                timedOut ? "Não executado: um caso anterior excedeu o tempo limite." : "Não executado: o programa encerrou antes de chegar a este caso.",
                JsonValues.Render(c.Expected), null, null, 0, c.Hidden);
        }

        return TestRunResult.From(results.Select(r => r!).ToList(), first.CompileOutput);
    }

    /// <summary>Fills the results of <paramref name="indexes"/> from one run; returns the cases it never reached.</summary>
    List<int> Apply(FunctionTestSpec spec, RunResult run, List<int> indexes, TestResult?[] results)
    {
        var (records, trailing) = DriverOutput.Parse(run.Stdout);
        var count = Math.Min(records.Count, indexes.Count);
        for (var j = 0; j < count; j++)
        {
            results[indexes[j]] = Evaluate(spec.Signature, spec.Cases[indexes[j]], records[j]);
        }
        if (count == indexes.Count)
        {
            return [];
        }
        var died = spec.Cases[indexes[count]];
        results[indexes[count]] = new TestResult(died.Name, TestStatus.Error, DeathMessage(run),
            JsonValues.Render(died.Expected), null, Cap(trailing), 0, died.Hidden);
        return indexes.Skip(count + 1).ToList();
    }

    TestResult Evaluate(FunctionSignature signature, FunctionCase c, DriverRecord record)
    {
        var expected = JsonValues.Render(c.Expected);
        var output = Cap(record.Output);
        if (!record.Ok)
        {
            if (record.Kind == "serialize")
            {
                return new TestResult(c.Name, TestStatus.Fail, $"Tipo de retorno incorreto: o valor retornado não pode ser convertido ({record.Error}); esperado {signature.Returns}.",
                    expected, null, output, record.DurationMs, c.Hidden);
            }
            var where = record.Line is { } line ? $" (linha {line})" : "";
            return new TestResult(c.Name, TestStatus.Error, $"Seu código lançou uma exceção{where}: {record.Error}",
                expected, null, output, record.DurationMs, c.Hidden);
        }
        var actual = JsonValues.Render(record.Value);
        if (JsonValues.TypeMismatch(record.Value, signature.Returns, "retorno") is { } mismatch)
        {
            return new TestResult(c.Name, TestStatus.Fail, $"Tipo de retorno incorreto: {mismatch}.", expected, actual, output, record.DurationMs, c.Hidden);
        }
        return ValueComparer.AreEqual(c.Comparator, c.Expected, record.Value)
            ? new TestResult(c.Name, TestStatus.Pass, null, expected, actual, output, record.DurationMs, c.Hidden)
            : new TestResult(c.Name, TestStatus.Fail, ComparisonMessage(c.Comparator), expected, actual, output, record.DurationMs, c.Hidden);
    }

    /// <summary>
    /// Runs a batch; when the judge itself failed (internal error, not the code's fault), tries once more
    /// so that a transient sandbox hiccup does not count against the learner.
    /// </summary>
    internal static async Task<BatchResult> RunBatchAsync(IJudge judge, BatchRequest request, CancellationToken ct)
    {
        var result = await judge.RunBatchAsync(request, ct).ConfigureAwait(false);
        if (result.Runs.Any(r => r.Status == RunStatus.InternalError))
        {
            result = await judge.RunBatchAsync(request, ct).ConfigureAwait(false);
        }
        return result;
    }

    static string ComparisonMessage(Comparator comparator) => comparator.Kind switch
    {
        ComparatorKind.Float => $"Valor diferente do esperado (tolerância {comparator.Tolerance.ToString(CultureInfo.InvariantCulture)}).",
        ComparatorKind.Unordered => "Valor diferente do esperado (a ordem dos itens não importa).",
        ComparatorKind.Custom => $"Valor diferente do esperado ({CustomComparators.Describe(comparator.CustomName!)}).",
        _ => "Valor diferente do esperado.",
    };

    internal static string DeathMessage(RunResult run) => run.Status switch
    {
        RunStatus.TimeLimitExceeded => "Tempo limite excedido: o programa foi encerrado durante este caso.",
        RunStatus.MemoryLimitExceeded => "Limite de memória excedido durante este caso.",
        RunStatus.OutputLimitExceeded => "Limite de saída excedido: o programa escreveu demais.",
        RunStatus.InternalError => "Erro interno do avaliador ao executar este caso."
            + (string.IsNullOrWhiteSpace(run.Stderr) ? "" : "\n" + Tail(run.Stderr, 500)),
        RunStatus.RuntimeError => "O programa terminou com erro durante este caso"
            + (run.Signal is { } s ? $" (sinal {s})" : run.ExitCode is { } e ? $" (código de saída {e})" : "")
            + (string.IsNullOrWhiteSpace(run.Stderr) ? "." : ":\n" + Tail(run.Stderr, 1500)),
        _ => "O programa terminou antes de concluir este caso (ele chamou exit?).",
    };

    static async Task<TestRunResult> RunStdioAsyncCore(IJudge judge, StdioTestSpec spec, string language, IReadOnlyList<SourceFile> files, TestRunOptions options, CancellationToken ct)
    {
        var lang = TestLanguages.Get(language);
        var entry = new[] { new SourceFile(lang.EntryFileName, files[0].Content) }.Concat(files.Skip(1)).ToList();
        var batch = await RunBatchAsync(judge,
            new BatchRequest(language, entry, spec.Cases.Select(c => new RunInput(c.Stdin, c.Args)).ToList(), options.Limits), ct).ConfigureAwait(false);
        if (!batch.Compiled)
        {
            var errors = spec.Cases.Select(c => new TestResult(c.Name, TestStatus.Error, "Erro de compilação: veja a saída do compilador.",
                c.ExpectedStdout, null, null, 0, c.Hidden)).ToList();
            return TestRunResult.From(errors, batch.CompileOutput, "O código não compilou.", compiled: false);
        }
        var results = new List<TestResult>();
        for (var i = 0; i < spec.Cases.Count; i++)
        {
            var c = spec.Cases[i];
            if (i >= batch.Runs.Count)
            {
                results.Add(new TestResult(c.Name, TestStatus.Error, "Não foi possível executar este caso.", c.ExpectedStdout, null, null, 0, c.Hidden));
                continue;
            }
            var run = batch.Runs[i];
            var stderr = string.IsNullOrEmpty(run.Stderr) ? null : Cap(run.Stderr, options.OutputCapChars);
            if (run.Status != RunStatus.Accepted)
            {
                results.Add(new TestResult(c.Name, TestStatus.Error, DeathMessage(run), c.ExpectedStdout, Cap(run.Stdout, options.OutputCapChars), stderr, run.WallTimeMs, c.Hidden));
                continue;
            }
            var pass = NormalizeStdout(run.Stdout) == NormalizeStdout(c.ExpectedStdout);
            results.Add(new TestResult(c.Name, pass ? TestStatus.Pass : TestStatus.Fail, pass ? null : "A saída é diferente da esperada.",
                c.ExpectedStdout, Cap(run.Stdout, options.OutputCapChars), stderr, run.WallTimeMs, c.Hidden));
        }
        return TestRunResult.From(results, batch.CompileOutput);
    }

    Task<TestRunResult> RunStdioAsync(StdioTestSpec spec, string language, IReadOnlyList<SourceFile> files, CancellationToken ct) =>
        RunStdioAsyncCore(judge, spec, language, files, options, ct);

    /// <summary>Trailing spaces of each line and trailing blank lines do not count; CRLF equals LF.</summary>
    public static string NormalizeStdout(string text) =>
        string.Join('\n', text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd())).TrimEnd('\n');

    string? Cap(string? text) => Cap(text, options.OutputCapChars);

    internal static string? Cap(string? text, int max)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        return text.Length <= max ? text : string.Concat(text.AsSpan(0, max), "\n… (saída cortada)");
    }

    static string Tail(string text, int max) => text.Length <= max ? text : "…" + text[^max..];
}
