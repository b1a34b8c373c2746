using System.Text.RegularExpressions;

namespace Compila.Web.Features.SmartSolver.Offline;

/// <summary>Loop checks: bounds off by one, nested loops over the input, loops that cannot end.</summary>
internal static class LoopChecks
{
    public static void OffByOne(SourceCode src, List<Finding> findings)
    {
        var pastEnd = src.Language == "python"
            ? new Regex(@"range\(\s*(?:[^,()]+,\s*)?len\((?<c>[\w.]+)\)\s*\+\s*1\s*[,)]", StaticChecks.Options)
            : new Regex(@"\w+\s*<=\s*(?:(?<c>[\w.]+)\.(?:length|size\(\)|Count|Length)|len\((?<c>[\w.]+)\))(?!\s*-)", StaticChecks.Options);
        var skipsLast = src.Language == "python"
            ? new Regex(@"range\(\s*(?:[^,()]+,\s*)?len\((?<c>[\w.]+)\)\s*-\s*1\s*\)", StaticChecks.Options)
            : new Regex(@"\w+\s*<\s*(?:(?<c>[\w.]+)\.(?:length|size\(\)|Count|Length)|len\((?<c>[\w.]+)\))\s*-\s*1\b", StaticChecks.Options);
        var fromZeroInclusive = src.Language == "python"
            ? new Regex(@"range\(\s*(?:0\s*,\s*)?(?<n>[\w.]+)\s*\+\s*1\s*\)", StaticChecks.Options)
            : new Regex(@"\b(?<i>[A-Za-z_]\w*)\s*:?=\s*0\s*;\s*\k<i>\s*<=\s*(?<n>[\w.]+(?:\(\))?)\s*;", StaticChecks.Options);
        for (var i = 0; i < src.LineCount; i++)
        {
            var line = src.Code[i];
            if (!IsLoopHeader(src, line))
            {
                continue;
            }

            if (pastEnd.Match(line) is { Success: true } m)
            {
                findings.Add(new Finding(FindingKind.OffByOne, "error", "high", "Limite do laço passa do fim", i + 1,
                    $"O laço desta linha vai até o tamanho de `{m.Groups["c"].Value}`, inclusive; o último índice válido é o tamanho menos um.",
                    "Conte quantas vezes o laço roda com uma lista de 3 itens e qual é o último índice que ele acessa. Ele existe?"));
            }
            else if (fromZeroInclusive.Match(line) is { Success: true } z)
            {
                findings.Add(new Finding(FindingKind.OffByOne, "warning", "medium", "Laço de 0 até n, inclusive", i + 1,
                    $"Este laço começa em 0 e vai até `{z.Groups["n"].Value}` inclusive: ele roda uma vez a mais do que `{z.Groups["n"].Value}`.",
                    $"Quantas voltas você quer dar quando `{z.Groups["n"].Value}` vale 1? Conte as voltas que este laço dá nesse caso."));
            }
            else if (skipsLast.Match(line) is { Success: true } s)
            {
                findings.Add(new Finding(FindingKind.OffByOne, "warning", "medium", "Laço pode pular o último item", i + 1,
                    $"O laço desta linha para antes do último elemento de `{s.Groups["c"].Value}`.",
                    "Simule o laço com uma lista de 2 itens: o último item chega a ser visitado? Isso é intencional?"));
            }
        }
    }

    public static void Loops(SourceCode src, IReadOnlyList<LearnerParameter> parameters, List<Finding> findings)
    {
        var collections = parameters.Where(p => p.IsCollection).Select(p => p.Name).ToList();
        var nestedReported = false;
        for (var i = 0; i < src.LineCount; i++)
        {
            var line = src.Code[i];
            if (!IsLoopHeader(src, line))
            {
                continue;
            }

            if (!nestedReported && collections.FirstOrDefault(c => SourceCode.WordPattern(c).IsMatch(line)) is { } outer)
            {
                foreach (var j in src.Body(i).Where(j => j != i))
                {
                    if (IsLoopHeader(src, src.Code[j]) && collections.Any(c => SourceCode.WordPattern(c).IsMatch(src.Code[j])))
                    {
                        findings.Add(new Finding(FindingKind.NestedLoops, "info", "low", "Laços aninhados sobre a entrada", j + 1,
                            $"Este laço percorre a entrada dentro de outro laço que também percorre `{outer}`: o trabalho cresce com o quadrado do tamanho (O(n²)).",
                            "Para entradas grandes isso pesa. Uma estrutura auxiliar (um dicionário, um conjunto) evitaria a segunda passada?"));
                        nestedReported = true;
                        break;
                    }
                }
            }

            if (InfiniteLoop(src, i) is { } finding)
            {
                findings.Add(finding);
            }
        }
    }

    static bool IsLoopHeader(SourceCode src, string line) => src.Language switch
    {
        "python" => Regex.IsMatch(line, @"^\s*(for|while)\b"),
        "go" => Regex.IsMatch(line, @"^\s*for\b"),
        _ => Regex.IsMatch(line, @"^\s*(\}\s*)?(for|foreach|while|do)\b"),
    };

    static Finding? InfiniteLoop(SourceCode src, int i)
    {
        var line = src.Code[i];
        string? condition = src.Language switch
        {
            "python" => Regex.Match(line, @"^\s*while\s+(.+):").Groups[1].Value,
            "go" => Regex.Match(line, @"^\s*for\s*([^;{]*)\{").Groups[1].Value,
            _ => Regex.Match(line, @"^\s*(?:\}\s*)?while\s*\((.*)\)").Groups[1].Value,
        };
        if (string.IsNullOrEmpty(condition) && !(src.Language == "go" && Regex.IsMatch(line, @"^\s*for\s*\{")))
        {
            return null;
        }

        if (src.Language == "go" && condition.Contains(":=", StringComparison.Ordinal) || condition.Contains(" range ", StringComparison.Ordinal))
        {
            return null;
        }

        var body = src.Body(i).Where(j => j != i).Select(j => src.Code[j]).ToList();
        if (body.Any(b => Regex.IsMatch(b, @"\b(break|return|throw|raise|panic|os\.Exit|sys\.exit)\b")))
        {
            return null;
        }

        var names = Regex.Matches(condition, @"[A-Za-z_]\w*").Select(m => m.Value)
            .Where(n => n is not ("len" or "and" or "or" or "not" or "true" or "True" or "false" or "False" or "length" or "size" or "Count" or "Length" or "None" or "null" or "nil"))
            .Distinct().ToList();
        var changed = names.Any(n => body.Any(b => Regex.IsMatch(b,
            $@"(\b{Regex.Escape(n)}\s*([+\-*/%]?=|:=)(?!=)|\b{Regex.Escape(n)}\s*(\+\+|--)|(\+\+|--)\s*{Regex.Escape(n)}\b|\b{Regex.Escape(n)}\.(pop|append|push|shift|remove|add|poll|Dequeue|Pop|Remove|RemoveAt|splice|clear|Clear)\b|\b{Regex.Escape(n)}\s*,\s*\w+\s*=|,\s*{Regex.Escape(n)}\s*=)")));
        if (changed)
        {
            return null;
        }

        return new Finding(FindingKind.InfiniteLoop, "error", "critical", "Laço que não termina", i + 1,
            names.Count == 0
                ? "A condição deste laço é sempre verdadeira e nada no corpo o interrompe."
                : $"Nada no corpo deste laço altera {string.Join(", ", names.Select(n => $"`{n}`"))}, então a condição nunca muda e o laço não termina.",
            "O que, a cada volta, deveria aproximar o laço do fim? Confira se essa variável é atualizada dentro dele.");
    }
}
