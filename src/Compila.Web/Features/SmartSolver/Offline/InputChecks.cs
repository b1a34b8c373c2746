using System.Text.RegularExpressions;

namespace Compila.Web.Features.SmartSolver.Offline;

/// <summary>Input checks: empty input the code assumes away, arguments the code changes under its caller.</summary>
internal static class InputChecks
{
    public static void EmptyInput(SourceCode src, IReadOnlyList<LearnerParameter> parameters, List<Finding> findings)
    {
        var all = src.AllCode;
        foreach (var p in parameters.Where(p => p.IsCollection))
        {
            var n = Regex.Escape(p.Name);
            var guard = new Regex(
                $@"(not\s+{n}\b|len\({n}\)\s*(==|<=?|<)\s*[01]\b|len\({n}\)\s*==\s*0|\b{n}\.(length|size\(\)|Count|Length)\s*(===?|==|<=?|<)\s*[01]\b|!\s*{n}\.length\b|\b{n}\.(isEmpty|IsEmpty)\(|\b{n}\.Any\(\)|if\s+{n}\s*:|\b{n}\s*==\s*\[\]|\b{n}\s*===?\s*""""|string\.IsNullOrEmpty\({n}\)|\b{n}\.isBlank\(|\b{n}\s*==\s*""""|[01]\s*(>=?|==)\s*len\({n}\))",
                StaticChecks.Options);
            if (guard.IsMatch(all))
            {
                continue;
            }

            var risky = new Regex(
                $@"(\b{n}\s*\[\s*(0|-1)\s*\]|\b{n}\.get\(\s*0\s*\)|\b{n}\.(charAt|at)\(\s*(0|-1)\s*\)|\b{n}\[\s*(len\({n}\)|{n}\.(length|Count|Length))\s*-\s*1\s*\]|/\s*\(?\s*(\(\s*double\s*\)|float64\(|float\(|Number\()?\s*(len\({n}\)|{n}\.(length|size\(\)|Count|Length))|\b(max|min)\(\s*{n}\s*\)|\b{n}\.(First|Max|Min|Average)\(\)|Math\.(max|min)\(\s*\.\.\.{n}\s*\))",
                StaticChecks.Options);
            for (var i = 0; i < src.LineCount; i++)
            {
                if (risky.IsMatch(src.Code[i]))
                {
                    findings.Add(new Finding(FindingKind.EmptyInput, "error", "high", "Entrada vazia não tratada", i + 1,
                        $"Esta linha supõe que `{p.Name}` tem pelo menos um item, e nada antes trata o caso vazio.",
                        $"O que acontece nesta linha quando `{p.Name}` está vazio? Releia os requisitos: o que o desafio pede para esse caso?"));
                    break;
                }
            }
        }
    }

    public static void MutatedArguments(SourceCode src, IReadOnlyList<LearnerParameter> parameters, List<Finding> findings)
    {
        foreach (var p in parameters.Where(p => p.IsMutable))
        {
            var n = Regex.Escape(p.Name);
            var pattern = src.Language switch
            {
                "python" => $@"\b{n}\.(append|extend|insert|pop|remove|sort|reverse|clear|update|setdefault)\(|\b{n}\[[^\]]+\]\s*(=|\+=|-=)(?!=)|\bdel\s+{n}\[|\b{n}\s*\+=",
                "javascript" or "typescript" => $@"\b{n}\.(push|pop|shift|unshift|splice|sort|reverse|fill|copyWithin)\(|\b{n}\[[^\]]+\]\s*(=|\+=|-=)(?!=)|\bdelete\s+{n}\[",
                "java" => $@"\b{n}\.(add|addAll|remove|removeIf|set|clear|sort|put|replaceAll)\(|Collections\.(sort|reverse|shuffle|swap)\(\s*{n}\b",
                "go" => $@"sort\.(Ints|Slice|SliceStable|Float64s|Strings|Sort)\(\s*{n}\b|slices\.(Sort|SortFunc|Reverse)\(\s*{n}\b|\b{n}\[[^\]]+\]\s*(=|\+=|-=)(?!=)|\bdelete\(\s*{n}\s*,",
                _ => $@"\b{n}\.(Add|AddRange|Remove|RemoveAt|RemoveAll|Sort|Reverse|Clear|Insert)\(|\b{n}\[[^\]]+\]\s*(=|\+=|-=)(?!=)|Array\.(Sort|Reverse)\(\s*{n}\b",
            };
            var regex = new Regex(pattern, StaticChecks.Options);
            for (var i = 0; i < src.LineCount; i++)
            {
                if (regex.IsMatch(src.Code[i]))
                {
                    findings.Add(new Finding(FindingKind.MutatedArgument, "warning", "medium", "A entrada é modificada", i + 1,
                        $"Esta linha altera `{p.Name}`, que pertence a quem chamou a função. Quem chamou não espera que a lista mude, e o resto do seu código passa a ver outros valores.",
                        $"Seu cálculo precisa mesmo alterar `{p.Name}`? Se precisar, trabalhe sobre uma cópia."));
                    break;
                }
            }
        }
    }
}
