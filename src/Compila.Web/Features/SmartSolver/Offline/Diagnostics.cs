using System.Text.RegularExpressions;

namespace Compila.Web.Features.SmartSolver.Offline;

/// <summary>A compiler or runtime message located in the learner's file.</summary>
public sealed record Diagnostic(int? Line, string Message);

/// <summary>
/// Reads compiler output and runtime traces of the six languages (python tracebacks, javac, tsc, go build, the C#
/// compiler, node stack traces) and maps them to lines of the learner's file. The harness appends its driver after
/// the learner's code (Go's imports join the package line), so a learner line keeps its number and anything past the
/// learner's last line belongs to the harness: those frames are skipped.
/// </summary>
public static partial class Diagnostics
{
    public static Diagnostic? FirstCompileError(string language, string? output, int learnerLines)
    {
        if (string.IsNullOrWhiteSpace(output))
        {
            return null;
        }

        foreach (var line in output.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var m = language switch
            {
                "java" => JavacError().Match(line),
                "go" => GoError().Match(line),
                "typescript" => TscError().Match(line),
                "csharp" => CscError().Match(line),
                _ => Match.Empty,
            };
            if (m.Success && int.TryParse(m.Groups["line"].Value, out var n))
            {
                var message = m.Groups["msg"].Value.Trim();
                return new Diagnostic(n <= learnerLines ? n : null, message);
            }
        }

        // Python and JavaScript fail when they run: a SyntaxError trace.
        return RuntimeLine(language, output, learnerLines) is { } runtime
            ? runtime
            : new Diagnostic(null, FirstMeaningfulLine(output));
    }

    /// <summary>The deepest frame of a trace that lies in the learner's code, with the error's last line.</summary>
    public static Diagnostic? RuntimeLine(string language, string? trace, int learnerLines)
    {
        if (string.IsNullOrWhiteSpace(trace))
        {
            return null;
        }

        var pattern = language switch
        {
            "python" => PythonFrame(),
            "java" => JavaFrame(),
            "go" => GoFrame(),
            "csharp" => CSharpFrame(),
            _ => NodeFrame(),
        };
        int? found = null;
        foreach (Match m in pattern.Matches(trace))
        {
            if (int.TryParse(m.Groups["line"].Value, out var n) && n >= 1 && n <= learnerLines)
            {
                found = n;
                if (language is not "python")
                {
                    // Java, Go, C# and node print the innermost frame first.
                    break;
                }
            }
        }

        return found is null ? null : new Diagnostic(found, ErrorLine(trace));
    }

    /// <summary>The line the judge's runner reported with an exception: "… lançou uma exceção (linha 4): …".</summary>
    public static int? ReportedLine(string? message, int learnerLines)
    {
        var m = message is null ? Match.Empty : ReportedLinePattern().Match(message);
        return m.Success && int.TryParse(m.Groups["line"].Value, out var n) && n <= learnerLines ? n : null;
    }

    static string ErrorLine(string trace)
    {
        var lines = trace.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.LastOrDefault(l => ErrorName().IsMatch(l)) ?? lines.FirstOrDefault(l => ErrorName().IsMatch(l)) ?? FirstMeaningfulLine(trace);
    }

    static string FirstMeaningfulLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";

    [GeneratedRegex(@"Main\.java:(?<line>\d+): error: (?<msg>.*)")]
    private static partial Regex JavacError();

    [GeneratedRegex(@"main\.go:(?<line>\d+):(?:\d+:)?\s*(?<msg>.*)")]
    private static partial Regex GoError();

    [GeneratedRegex(@"main\.ts\((?<line>\d+),\d+\): error (?<msg>TS\d+: .*)|main\.ts:(?<line>\d+):\d+ - error (?<msg>TS\d+: .*)")]
    private static partial Regex TscError();

    [GeneratedRegex(@"Program\.cs\((?<line>\d+),\d+\): error (?<msg>CS\d+: [^\[]*)")]
    private static partial Regex CscError();

    [GeneratedRegex(@"File ""[^""]*main\.py"", line (?<line>\d+)")]
    private static partial Regex PythonFrame();

    [GeneratedRegex(@"\((?:Main|Solution)\.java:(?<line>\d+)\)")]
    private static partial Regex JavaFrame();

    [GeneratedRegex(@"main\.go:(?<line>\d+)")]
    private static partial Regex GoFrame();

    [GeneratedRegex(@"Program\.cs:line (?<line>\d+)")]
    private static partial Regex CSharpFrame();

    [GeneratedRegex(@"main\.[jt]s:(?<line>\d+)")]
    private static partial Regex NodeFrame();

    [GeneratedRegex(@"\(linha (?<line>\d+)\)")]
    private static partial Regex ReportedLinePattern();

    [GeneratedRegex(@"^(\w+\.)*\w*(Error|Exception|panic)\b|^panic:|^fatal error:")]
    private static partial Regex ErrorName();
}
