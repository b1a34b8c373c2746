using System.Text.RegularExpressions;

namespace Compila.Web.Features.SmartSolver.Offline;

/// <summary>The Manager's plan: which problem to explain first (the fault, with its line) and the issues in order.</summary>
public sealed record FeedbackPlan(Finding? Fault, IReadOnlyList<Finding> Issues, int OverallScore, IReadOnlyList<string> Steps);

/// <summary>
/// Blames one line for the first failure: the compiler's or the runtime's line when there is one, otherwise the
/// static finding that best explains the kind of failure (an empty argument → missing empty handling; a time limit
/// → a loop that cannot end; a wrong value → loop bounds, money rounding, overflow, a mutated argument…), and as a
/// last resort the line that returns the result.
/// </summary>
public static partial class FeedbackPlanner
{
    static readonly FindingKind[] WrongValueOrder =
    [
        FindingKind.OffByOne, FindingKind.MoneyRounding, FindingKind.IntegerOverflow, FindingKind.MutatedArgument,
        FindingKind.Shadowing, FindingKind.EmptyInput, FindingKind.UnusedVariable,
    ];

    public static FeedbackPlan Plan(Investigation inv)
    {
        var fault = Blame(inv);
        var rest = inv.Findings
            .Where(f => fault is null || !(f.Line == fault.Line && f.Kind == fault.Kind) && !(f.Line == fault.Line && fault.Kind is FindingKind.Runtime or FindingKind.Timeout or FindingKind.WrongAnswer))
            .OrderBy(f => Rank(f.Severity));
        var issues = (fault is null ? rest : rest.Prepend(fault)).ToList();
        var penalty = issues.Where(f => f != fault).Sum(f => f.Severity switch { "critical" => 10, "high" => 6, "medium" => 3, _ => 1 });
        var score = inv.Outcome == FailureKind.Compile ? 0
            : inv.Total == 0 ? 0
            : Math.Clamp((int)Math.Round(inv.Passed * 85.0 / inv.Total) + (inv.Outcome == FailureKind.None ? 15 : 5) - penalty, 0, 100);
        var steps = new List<string>();
        if (fault is not null)
        {
            steps.Add($"explicar {fault.Kind} na linha {fault.Line}");
        }

        if (inv.Failure is { Kind: not FailureKind.HiddenOnly } failure && failure.Name != "caso oculto")
        {
            steps.Add($"mostrar o caso \"{failure.Name}\"");
        }

        steps.Add("dar uma dica sem entregar a solução");
        return new FeedbackPlan(fault, issues, score, steps);
    }

    static int Rank(string severity) => severity switch { "critical" => 0, "high" => 1, "medium" => 2, "low" => 3, _ => 4 };

    static Finding? Blame(Investigation inv)
    {
        var failure = inv.Failure;
        switch (inv.Outcome)
        {
            case FailureKind.None:
                return null;
            case FailureKind.Compile:
            {
                var diagnostic = inv.CompileError;
                return new Finding(FindingKind.Compile, "error", "critical", "O código não compila", diagnostic?.Line ?? inv.FunctionLine,
                    $"O compilador parou aqui: {diagnostic?.Message?.TrimEnd('.')}.",
                    "Leia a mensagem do compilador com calma: ela diz o que ele esperava encontrar nesta linha. Confira parênteses, chaves, tipos e nomes.");
            }
        }

        var kind = failure?.Kind ?? FailureKind.WrongValue;
        if (kind == FailureKind.Timeout)
        {
            var loop = Find(inv, FindingKind.InfiniteLoop) ?? Find(inv, FindingKind.NestedLoops);
            if (loop is not null)
            {
                return Promote(loop, "critical");
            }

            return new Finding(FindingKind.Timeout, "error", "critical", "Tempo limite excedido", failure?.ReportedLine ?? OfflineAnalyzer.FirstLoopLine(inv) ?? inv.FunctionLine,
                "O programa não terminou a tempo: algum laço roda muito mais vezes do que deveria, ou não termina.",
                "Acompanhe a variável que controla este laço: ela se aproxima da condição de parada a cada volta?");
        }

        if (kind == FailureKind.Exception)
        {
            var error = failure?.Error is { Length: > 0 } e ? e : "um erro";
            var reported = failure?.ReportedLine;
            var indexError = IndexError().IsMatch(error);
            var emptyCase = failure?.HasEmptyArgument == true;

            // An index error inside a loop is usually caused by the loop's bound or by an empty input the code never
            // checks: blame that line and say where the exception surfaced.
            var cause = indexError || emptyCase
                ? (emptyCase ? Find(inv, FindingKind.EmptyInput) : null) ?? Find(inv, FindingKind.OffByOne) ?? Find(inv, FindingKind.EmptyInput)
                : null;
            cause ??= reported is { } at ? inv.Findings.Where(f => f.Line == at).OrderBy(f => Rank(f.Severity)).FirstOrDefault() : null;
            var line = cause?.Line ?? reported ?? GuessRuntimeLine(inv, error) ?? OfflineAnalyzer.ReturnLine(inv);
            var surfaced = reported is { } r && r != line ? $" A exceção apareceu na linha {r}, mas a causa está aqui." : "";
            var detail = (surfaced + (cause is null ? "" : " " + cause.Description)).Trim();
            return new Finding(FindingKind.Runtime, "error", "critical", cause?.Title ?? "Exceção durante a execução", line,
                $"Seu código lançou {error}. {detail}".Trim(),
                cause?.Suggestion ?? "Que valores as variáveis desta linha têm nesse caso? Imprima-os ou simule à mão para ver qual deles não é o que você imaginava.")
            {
                Detail = detail.Length > 0 ? detail : "É nesta linha que a exceção acontece.",
            };
        }

        if (kind == FailureKind.WrongType)
        {
            return new Finding(FindingKind.WrongType, "error", "high", "Tipo de retorno incorreto", OfflineAnalyzer.ReturnLine(inv),
                "O valor devolvido nesta linha não é do tipo que a assinatura pede.",
                "Compare o tipo do que você devolve com o tipo de retorno da função: número, texto, lista? Uma conversão ficou faltando ou sobrando?");
        }

        // A wrong value, in a visible or a hidden case.
        if (failure?.HasEmptyArgument == true && Find(inv, FindingKind.EmptyInput) is { } emptyFinding)
        {
            return Promote(emptyFinding, "high");
        }

        foreach (var candidate in WrongValueOrder)
        {
            if (Find(inv, candidate) is { } finding && (candidate != FindingKind.UnusedVariable || inv.Findings.Count == 1))
            {
                return Promote(finding, "high");
            }
        }

        return new Finding(FindingKind.WrongAnswer, "error", "high", "Resultado diferente do esperado", OfflineAnalyzer.ReturnLine(inv),
            "Esta é a linha que devolve o resultado; o valor que chega nela já está diferente do esperado.",
            "Refaça esse caso à mão, anotando o valor de cada variável linha a linha até aqui: em que ponto ele se afasta do esperado? Releia o requisito que trata desse caso.");
    }

    /// <summary>With no line in the trace (JavaScript, Go panics, C#): the first line that does what the error is about.</summary>
    static int? GuessRuntimeLine(Investigation inv, string error)
    {
        var src = inv.Source;
        var start = (inv.FunctionLine ?? 1) - 1;
        Regex? pattern = null;
        if (PropertyRead().Match(error) is { Success: true } property)
        {
            pattern = new Regex($@"\.{Regex.Escape(property.Groups["p"].Value)}\b");
        }
        else if (IndexError().IsMatch(error))
        {
            pattern = new Regex(@"\w\s*\[[^\]]+\]|\.(get|charAt|substring|Substring)\(");
        }
        else if (DivideError().IsMatch(error))
        {
            pattern = new Regex(@"[^/]/[^/]|%");
        }

        if (pattern is null)
        {
            return null;
        }

        for (var i = start; i < src.LineCount; i++)
        {
            if (pattern.IsMatch(src.Code[i]))
            {
                return i + 1;
            }
        }

        return null;
    }

    static Finding? Find(Investigation inv, FindingKind kind) => inv.Findings.FirstOrDefault(f => f.Kind == kind);

    static Finding Promote(Finding finding, string severity) =>
        Rank(finding.Severity) <= Rank(severity) ? finding with { Type = "error" } : finding with { Type = "error", Severity = severity };

    [GeneratedRegex(@"IndexError|index out of range|IndexOutOfBounds|ArgumentOutOfRange|out of bounds|KeyError|list index|StringIndexOutOfBounds|reading '\d+'|undefined")]
    private static partial Regex IndexError();

    [GeneratedRegex(@"reading '(?<p>[A-Za-z_$][\w$]*)'")]
    private static partial Regex PropertyRead();

    [GeneratedRegex(@"ZeroDivision|divide by zero|DivideByZero|ArithmeticException|division by zero")]
    private static partial Regex DivideError();
}
