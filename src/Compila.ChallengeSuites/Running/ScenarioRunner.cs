using Compila.ChallengeSuites.Harness;
using Compila.ChallengeSuites.Specs;

namespace Compila.ChallengeSuites.Running;

/// <summary>
/// Runs a scenario challenge: visible and hidden cases in separate processes of one compiled artifact, one
/// stdin line per step, one record per step back. Every verdict is the host's: a step passes only when the
/// record the host asked for (by case and step) holds the expected value or refusal, so nothing the code
/// prints, patches or exits with can turn a missing or wrong result into a pass.
/// </summary>
internal sealed class ScenarioRunner(IJudge judge, TestRunOptions options)
{
    /// <summary>Extra runs after a process died mid-way; bounds the judge time one submission can take.</summary>
    const int MaxRetryRounds = 2;

    public async Task<TestRunResult> RunAsync(ScenarioTestSpec spec, string language, string code, CancellationToken ct)
    {
        var files = ScenarioHarness.Generate(language, spec.Class, code);
        var cases = spec.Cases;
        var results = new TestResult?[cases.Count];
        var remaining = Enumerable.Range(0, cases.Count).ToList();
        var timedOut = false;
        string? compileOutput = null;
        for (var round = 0; remaining.Count > 0 && round <= MaxRetryRounds && !(timedOut && round > 1); round++)
        {
            // Code running a visible case (whose output the learner sees) never holds a hidden case's arguments.
            var groups = new[] { remaining.Where(i => !cases[i].Hidden).ToList(), remaining.Where(i => cases[i].Hidden).ToList() }
                .Where(g => g.Count > 0).ToList();
            var batch = await ChallengeTestRunner.RunBatchAsync(judge,
                new BatchRequest(language, files, groups.Select(g => new RunInput(ScenarioHarness.Stdin(spec.Class, g.Select(i => (i, cases[i]))))).ToList(), options.Limits),
                ct).ConfigureAwait(false);
            if (round == 0)
            {
                compileOutput = batch.CompileOutput;
                if (!batch.Compiled)
                {
                    var errors = cases.Select(c => new TestResult(c.Name, TestStatus.Error, "Erro de compilação: veja a saída do compilador.",
                        null, null, null, 0, c.Hidden)).ToList();
                    return TestRunResult.From(errors, batch.CompileOutput, "O código não compilou.", compiled: false);
                }
            }
            var next = new List<int>();
            for (var g = 0; g < groups.Count; g++)
            {
                if (batch.Compiled && g < batch.Runs.Count)
                {
                    next.AddRange(Apply(spec, language, batch.Runs[g], groups[g], results));
                    timedOut |= batch.Runs[g].Status == RunStatus.TimeLimitExceeded;
                }
                else
                {
                    next.AddRange(groups[g]);
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
                null, null, null, 0, c.Hidden);
        }
        return TestRunResult.From(results.Select(r => r!).ToList(), compileOutput);
    }

    /// <summary>Judges the cases of one run up to the first one whose records are incomplete (the process died there); returns the cases after it.</summary>
    List<int> Apply(ScenarioTestSpec spec, string language, RunResult run, List<int> group, TestResult?[] results)
    {
        var keys = group.SelectMany(i => Enumerable.Range(0, spec.Cases[i].Steps.Count).Select(s => (i, s))).ToHashSet();
        var records = ScenarioRecords.Parse(run.Stdout, keys);
        for (var j = 0; j < group.Count; j++)
        {
            var index = group[j];
            var (result, complete) = Judge(spec, language, index, records, run);
            results[index] = result;
            if (!complete)
            {
                return group.Skip(j + 1).ToList();
            }
        }
        return [];
    }

    (TestResult Result, bool Complete) Judge(ScenarioTestSpec spec, string language, int index, ScenarioRecords records, RunResult run)
    {
        var c = spec.Cases[index];
        var output = new System.Text.StringBuilder();
        double ms = 0;
        TestResult? failure = null;
        for (var s = 0; s < c.Steps.Count; s++)
        {
            var step = c.Steps[s];
            var call = ScenarioVerdict.Call(language, step);
            if (records.Duplicated(index, s))
            {
                failure ??= Result(c, TestStatus.Fail,
                    $"{call}: a saída tem mais de um resultado para este passo (o código escreveu registros do avaliador?), nenhum é aceito.", step, null, output, ms);
                continue;
            }
            if (records.Find(index, s) is not { } record)
            {
                var died = failure ?? Result(c, TestStatus.Error, $"{call}: {ChallengeTestRunner.DeathMessage(run)}", step, null,
                    output.Append(records.StrayOutput), ms);
                return (died, false);
            }
            output.Append(record.Output);
            ms += record.DurationMs;
            if (failure is null && ScenarioVerdict.Check(spec.Class, step, record, call) is { } problem)
            {
                failure = Result(c, problem.Status, problem.Message, step, problem.Actual, output, ms);
            }
        }
        return (failure ?? Result(c, TestStatus.Pass, null, null, null, output, ms), true);
    }

    TestResult Result(ScenarioCase c, TestStatus status, string? message, ScenarioStep? step, string? actual, System.Text.StringBuilder output, double ms) =>
        new(c.Name, status, message, step is null ? null : ScenarioVerdict.Expectation(step), actual,
            ChallengeTestRunner.Cap(output.ToString(), options.OutputCapChars), ms, c.Hidden);
}
