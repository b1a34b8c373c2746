using Compila.ChallengeSuites.Content;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Compila.ChallengeSuites.Harness;
using Compila.ChallengeSuites.Running;
using Compila.ChallengeSuites.Specs;

namespace Compila.Web.Features.SmartSolver.Offline;

public enum FailureKind
{
    None,
    Compile,
    Exception,
    Timeout,
    WrongValue,
    WrongType,
    HiddenOnly,
}

/// <summary>The first failing case the learner may see (never a hidden one), as the learner would call it.</summary>
public sealed record FailingCase(string Name, string Call, string? Expected, string? Actual, string? Error, FailureKind Kind, bool HasEmptyArgument, int? ReportedLine);

/// <summary>What the Investigate agent found: tests, diagnostics mapped to lines, static findings.</summary>
public sealed record Investigation(
    string Language,
    string File,
    SourceCode Source,
    string Function,
    int? FunctionLine,
    int Passed,
    int Total,
    int HiddenFailed,
    FailureKind Outcome,
    FailingCase? Failure,
    Diagnostic? CompileError,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<string> Strengths)
{
    public bool HasErrors => Outcome != FailureKind.None;
}

/// <summary>
/// The offline engine's analysis of a judged submission: the first failing visible case with expected vs actual,
/// compiler and runtime diagnostics mapped to the learner's lines, and the per-language static checks.
/// Hidden cases contribute a count and, for a crash, a line number — never their values or messages.
/// </summary>
public static partial class OfflineAnalyzer
{
    public static Investigation Investigate(ChallengeSuite content, string language, string code, TestRunResult result)
    {
        var src = new SourceCode(language, code);
        var file = TestLanguages.Find(language)?.ContentFileName ?? "solution";
        var signature = (content.Tests as FunctionTestSpec)?.Signature;
        var function = signature is null ? "" : LanguageNames.Function(language, signature.Name);
        var declared = signature is null ? null : LearnerFunction.Find(src, function);
        var parameters = new List<LearnerParameter>();
        if (signature is not null)
        {
            for (var i = 0; i < signature.Parameters.Count; i++)
            {
                var name = declared is { } d && i < d.Names.Count ? d.Names[i] : LanguageNames.Parameter(language, signature.Parameters[i].Name);
                parameters.Add(new LearnerParameter(name, Unwrap(signature.Parameters[i].Type)));
            }
        }

        var topics = content.Technologies.Concat(content.Tags).Append(content.Slug).Append(signature?.Name ?? "");
        var money = topics.Any(t => MoneyWords().IsMatch(t));
        var intsAreLong = signature is not null && (signature.Parameters.Any(p => Unwrap(p.Type) == TypeKind.Int) || Unwrap(signature.Returns) == TypeKind.Int);
        var findings = StaticChecks.Run(src, parameters, money, intsAreLong);

        var compileFailed = result.Status == SuiteStatus.Error
            && (result.Tests.Count == 0 || result.Tests.Any(t => t.Message?.StartsWith("Erro de compilação", StringComparison.Ordinal) == true));
        Diagnostic? compileError = null;
        FailingCase? failure = null;
        var hiddenFailed = 0;
        var outcome = FailureKind.None;
        if (compileFailed)
        {
            outcome = FailureKind.Compile;
            compileError = Diagnostics.FirstCompileError(language, result.CompileOutput ?? result.Message, src.LineCount)
                ?? new Diagnostic(null, result.Message ?? "O código não compilou.");
            var cases = (content.Tests as FunctionTestSpec)?.Cases ?? [];
            if (result.Tests.FirstOrDefault(t => !t.Hidden) is { } first)
            {
                failure = Describe(first, cases.FirstOrDefault(c => c.Name == first.Name && !c.Hidden), function, language, src) with
                {
                    Kind = FailureKind.Compile,
                    ReportedLine = compileError.Line,
                };
            }
        }
        else
        {
            var cases = (content.Tests as FunctionTestSpec)?.Cases ?? [];
            foreach (var test in result.Tests.Where(t => t.Status != TestStatus.Pass))
            {
                if (test.Hidden)
                {
                    hiddenFailed++;
                    continue;
                }

                failure ??= Describe(test, cases.FirstOrDefault(c => c.Name == test.Name && !c.Hidden), function, language, src);
            }

            // A crash in a hidden case may still give its line; the line alone reveals nothing of the case.
            if (failure is null && hiddenFailed > 0)
            {
                outcome = FailureKind.HiddenOnly;
                var crash = result.Tests.FirstOrDefault(t => t.Hidden && t.Status == TestStatus.Error);
                var line = crash is null ? null : Diagnostics.ReportedLine(crash.Message, src.LineCount) ?? Diagnostics.RuntimeLine(language, crash.Message, src.LineCount)?.Line;
                if (crash is not null)
                {
                    failure = new FailingCase("caso oculto", "", null, null, null,
                        crash.Message?.StartsWith("Tempo limite", StringComparison.Ordinal) == true ? FailureKind.Timeout : FailureKind.Exception, false, line);
                }
            }
            else if (failure is not null)
            {
                outcome = failure.Kind;
            }
        }

        var strengths = Strengths(src, findings, result, outcome, declared?.Line);
        return new Investigation(language, file, src, function, declared?.Line, result.Passed, result.Total, hiddenFailed, outcome, failure, compileError, findings, strengths);
    }

    static FailingCase Describe(TestResult test, FunctionCase? visible, string function, string language, SourceCode src)
    {
        var args = visible?.Args.Select(a => JsonValues.Render(a)).ToList() ?? [];
        var call = visible is null ? test.Name : $"{function}({string.Join(", ", args)})";
        var empty = visible?.Args.Any(a => a is JsonArray { Count: 0 } or JsonObject { Count: 0 } || a is JsonValue v && v.TryGetValue(out string? s) && s.Length == 0) == true;
        var message = test.Message ?? "";
        var kind = test.Status switch
        {
            TestStatus.Fail when message.StartsWith("Tipo de retorno incorreto", StringComparison.Ordinal) => FailureKind.WrongType,
            TestStatus.Fail => FailureKind.WrongValue,
            _ when message.StartsWith("Tempo limite", StringComparison.Ordinal) => FailureKind.Timeout,
            _ when message.StartsWith("Erro de compilação", StringComparison.Ordinal) => FailureKind.Compile,
            _ => FailureKind.Exception,
        };
        var line = Diagnostics.ReportedLine(message, src.LineCount)
            ?? Diagnostics.RuntimeLine(language, message, src.LineCount)?.Line
            ?? Diagnostics.RuntimeLine(language, test.Output, src.LineCount)?.Line;
        string? error = null;
        if (kind == FailureKind.Exception)
        {
            var m = ExceptionText().Match(message);
            error = m.Success ? m.Groups["e"].Value.Trim() : message.Split('\n')[0];
            if (error.Length > 120)
            {
                error = error[..120] + "…";
            }
        }

        return new FailingCase(test.Name, call, test.Expected, test.Actual, error, kind, empty, line);
    }

    static List<string> Strengths(SourceCode src, List<Finding> findings, TestRunResult result, FailureKind outcome, int? functionLine)
    {
        var strengths = new List<string>();
        if (outcome == FailureKind.Compile)
        {
            return strengths;
        }

        if (result.Passed > 0)
        {
            strengths.Add(result.Passed == result.Total
                ? $"passa em todos os {result.Total} testes, inclusive os ocultos"
                : $"já passa em {result.Passed} de {result.Total} testes");
        }

        if (!findings.Any(f => f.Kind is FindingKind.UnusedVariable or FindingKind.Shadowing))
        {
            strengths.Add("nenhuma variável sobrando ou sombreada: os nomes estão limpos");
        }

        var codeLines = src.Code.Count(l => l.Trim().Length > 0);
        if (codeLines is > 0 and <= 20)
        {
            strengths.Add($"código curto e direto ({codeLines} linhas)");
        }

        if (!findings.Any(f => f.Kind is FindingKind.MutatedArgument) && functionLine is not null)
        {
            strengths.Add("não altera a entrada recebida");
        }

        return strengths;
    }

    /// <summary>The last <c>return</c> inside the function (the line that hands the result back), or the function's line.</summary>
    public static int? ReturnLine(Investigation investigation)
    {
        var src = investigation.Source;
        var start = (investigation.FunctionLine ?? 1) - 1;
        var end = investigation.FunctionLine is null ? src.LineCount - 1 : src.BlockEnd(start);
        int? last = null;
        for (var i = start; i <= end && i < src.LineCount; i++)
        {
            if (ReturnPattern().IsMatch(src.Code[i]))
            {
                last = i + 1;
            }
        }

        return last ?? investigation.FunctionLine;
    }

    /// <summary>The first loop inside the function, or null.</summary>
    public static int? FirstLoopLine(Investigation investigation)
    {
        var src = investigation.Source;
        for (var i = 0; i < src.LineCount; i++)
        {
            if (LoopPattern().IsMatch(src.Code[i]))
            {
                return i + 1;
            }
        }

        return null;
    }

    static TypeKind Unwrap(TypeRef type) => type.Kind == TypeKind.Optional ? Unwrap(type.Inner) : type.Kind;

    [GeneratedRegex(@"dinheiro|centavo|reais|money|preco|preço|frete|parcel|troco|pix", RegexOptions.IgnoreCase)]
    private static partial Regex MoneyWords();

    [GeneratedRegex(@"exceção(?: \(linha \d+\))?:\s*(?<e>.+)")]
    private static partial Regex ExceptionText();

    [GeneratedRegex(@"^\s*return\b.*\S")]
    private static partial Regex ReturnPattern();

    [GeneratedRegex(@"^\s*(\}\s*)?(for|foreach|while)\b")]
    private static partial Regex LoopPattern();
}
