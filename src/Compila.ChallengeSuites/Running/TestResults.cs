using System.Text.Json.Serialization;

namespace Compila.ChallengeSuites.Running;

/// <summary>Outcome of one test, as in Exercism's test-runner results v3.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TestStatus>))]
public enum TestStatus
{
    [JsonStringEnumMemberName("pass")] Pass,
    [JsonStringEnumMemberName("fail")] Fail,
    /// <summary>The test could not finish: an exception, a crash, a time limit, a compile error.</summary>
    [JsonStringEnumMemberName("error")] Error,
}

/// <summary>One test's result, normalised across neutral cases, stdin/stdout cases and native test files.</summary>
/// <param name="Name">pt-BR, the learner reads it.</param>
/// <param name="Message">pt-BR explanation when the test did not pass.</param>
/// <param name="Expected">The expected value (JSON, or the expected stdout); null for native tests.</param>
/// <param name="Actual">What the code returned (JSON) or printed; null when nothing came back.</param>
/// <param name="Output">The learner's own prints during this test, capped.</param>
/// <param name="DurationMs">Null for a hidden case: its time would reveal the size of its input (issue 14).</param>
public sealed record TestResult(
    string Name,
    TestStatus Status,
    string? Message,
    string? Expected,
    string? Actual,
    string? Output,
    double? DurationMs,
    bool Hidden)
{
    /// <summary>This result with nothing that would reveal a hidden case: only its name and status stay.</summary>
    public TestResult Redacted() => Hidden
        ? this with
        {
            Message = Status == TestStatus.Pass ? null : "Caso oculto: os detalhes não são mostrados.",
            Expected = null,
            Actual = null,
            Output = null,
            DurationMs = null,
        }
        : this;
}

/// <summary>The overall outcome of running a challenge's tests against some code.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SuiteStatus>))]
public enum SuiteStatus
{
    /// <summary>Every test passed.</summary>
    [JsonStringEnumMemberName("pass")] Pass,
    /// <summary>At least one test did not pass.</summary>
    [JsonStringEnumMemberName("fail")] Fail,
    /// <summary>The tests could not run (compilation error, unusable harness output).</summary>
    [JsonStringEnumMemberName("error")] Error,
}

/// <summary>All results of one run, with the overall status and score.</summary>
/// <param name="Score">0–100: the percentage of tests passed, rounded down.</param>
/// <param name="Message">pt-BR, set when the suite as a whole errored.</param>
public sealed record TestRunResult(
    SuiteStatus Status,
    int Passed,
    int Total,
    int Score,
    string? CompileOutput,
    string? Message,
    IReadOnlyList<TestResult> Tests)
{
    /// <summary>The run's result; hidden cases lose their duration here, so no stored or derived view can show it.</summary>
    public static TestRunResult From(IReadOnlyList<TestResult> tests, string? compileOutput, string? message = null, bool compiled = true)
    {
        tests = tests.Select(t => t.Hidden ? t with { DurationMs = null } : t).ToList();
        var passed = tests.Count(t => t.Status == TestStatus.Pass);
        var status = !compiled ? SuiteStatus.Error
            : tests.Count > 0 && passed == tests.Count ? SuiteStatus.Pass
            : tests.Count == 0 && message is not null ? SuiteStatus.Error
            : SuiteStatus.Fail;
        var score = tests.Count == 0 ? 0 : passed * 100 / tests.Count;
        return new TestRunResult(status, passed, tests.Count, score, compileOutput, message, tests);
    }

    /// <summary>The learner-facing view: hidden tests keep their name and status only (also for results stored before hidden durations were dropped).</summary>
    public TestRunResult Redacted() => this with { Tests = Tests.Select(t => t.Redacted()).ToList() };
}
