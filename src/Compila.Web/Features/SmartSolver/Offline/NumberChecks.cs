using System.Text.RegularExpressions;

namespace Compila.Web.Features.SmartSolver.Offline;

/// <summary>Number checks: money truncated instead of rounded, 32-bit integers that overflow.</summary>
internal static class NumberChecks
{
    public static void MoneyRounding(SourceCode src, List<Finding> findings)
    {
        // A truncation whose argument carries a fraction: a ×100 or ÷100, a decimal literal, a float variable, or
        // (Python) a true division. Integer division idioms such as Math.floor(n / 2) are not flagged.
        var floats = FloatVariables(src);
        var truncation = new Regex(src.Language switch
        {
            "python" => @"\b(?:int|math\.floor|math\.trunc)\((?<a>.*)",
            "javascript" or "typescript" => @"(?:Math\.(?:floor|trunc)|parseInt)\((?<a>.*)|(?<a>.*)(?<!\|)\|\s*0\b|~~(?<a>.*)",
            "go" => @"\b(?:int|int64|int32|math\.Floor|math\.Trunc)\((?<a>.*)",
            _ => @"\((?:int|long)\)\s*(?<a>.*)|Math\.(?:floor|Floor|Truncate)\((?<a>.*)",
        }, StaticChecks.Options);
        for (var i = 0; i < src.LineCount; i++)
        {
            var m = truncation.Match(src.Code[i]);
            if (!m.Success)
            {
                continue;
            }

            var argument = m.Groups["a"].Value;
            var fractional = Regex.IsMatch(argument, @"\b100\b|\d\.\d")
                || src.Language == "python" && Regex.IsMatch(argument, @"[^/]/[^/]")
                || floats.Any(f => SourceCode.WordPattern(f).IsMatch(argument));
            if (fractional)
            {
                findings.Add(new Finding(FindingKind.MoneyRounding, "error", "high", "Valor em dinheiro truncado", i + 1,
                    "Esta linha converte para inteiro um valor com parte fracionária cortando essa parte: centavos se perdem (e, com negativos, o corte vai para o lado errado). Em ponto flutuante, 0,29 × 100 vale 28,999…",
                    "Qual é a diferença entre truncar, arredondar e fazer a conta inteira em centavos? Teste esta linha com o caso que falhou e compare com o que o enunciado espera."));
                return;
            }
        }

        if (src.Language == "python")
        {
            for (var i = 0; i < src.LineCount; i++)
            {
                if (Regex.IsMatch(src.Code[i], @"\bround\([^)]*[*/]"))
                {
                    findings.Add(new Finding(FindingKind.MoneyRounding, "warning", "medium", "round() arredonda meio para o par", i + 1,
                        "O round() do Python usa o arredondamento bancário (2,5 vira 2) e opera sobre ponto flutuante, que não representa centavos exatamente.",
                        "Que regra de arredondamento o enunciado pede para os meios centavos? Confira com um valor terminado em 5."));
                    return;
                }
            }
        }
    }

    /// <summary>Names declared as floating point (Java, C#, Go) or assigned a true division (Python, JavaScript).</summary>
    static List<string> FloatVariables(SourceCode src)
    {
        var pattern = src.Language switch
        {
            "python" => @"^\s*(?<n>\w+)\s*=\s*[^=].*(?:[^/]/[^/]|\bfloat\()",
            "javascript" or "typescript" => @"\b(?:let|const|var)\s+(?<n>\w+)\s*=.*[^/]/[^/]",
            "go" => @"(?<n>\w+)\s*:=\s*float64\(|\bvar\s+(?<n>\w+)\s+float64",
            _ => @"\b(?:double|float|decimal)\s+(?<n>\w+)\s*=",
        };
        var regex = new Regex(pattern, StaticChecks.Options);
        return src.Code.Select(l => regex.Match(l)).Where(m => m.Success).Select(m => m.Groups["n"].Value).Distinct().ToList();
    }

    public static void IntegerOverflow(SourceCode src, bool intsAreLong, List<Finding> findings)
    {
        // 32-bit parsing or conversion is suspicious anywhere; a plain int declaration only when the challenge's values are 64-bit.
        var always = src.Language switch
        {
            "java" => @"\bInteger\.(parseInt|valueOf)\(|\bMath\.toIntExact\(|\bshort\s+\w+\s*=",
            "csharp" => @"\bint\.(Parse|TryParse)\(|\bConvert\.ToInt32\(|\bshort\s+\w+\s*=",
            "go" => @"\bint32\b|\bint16\b|strconv\.ParseInt\([^)]*,\s*(16|32)\s*\)",
            _ => null,
        };
        var onlyWhenLong = src.Language is "java" or "csharp" ? @"\bint\s+\w+\s*=|\(int\)" : null;
        var pattern = string.Join('|', new[] { always, intsAreLong ? onlyWhenLong : null }.OfType<string>());
        if (pattern.Length == 0)
        {
            return;
        }

        var regex = new Regex(pattern, StaticChecks.Options);
        for (var i = 0; i < src.LineCount; i++)
        {
            if (regex.IsMatch(src.Code[i]) && !Regex.IsMatch(src.Code[i], @"\bfor\s*\("))
            {
                findings.Add(new Finding(FindingKind.IntegerOverflow, "warning", "medium", "Inteiro de 32 bits pode estourar", i + 1,
                    "Esta linha usa um inteiro de 32 bits, que vai só até 2.147.483.647. Valores maiores (somas grandes, os 11 dígitos de um CPF) não cabem: a conversão falha ou a conta dá a volta e vira outro número, até negativo.",
                    "Qual é o maior valor que pode passar por aqui? Ele cabe em 32 bits?"));
                return;
            }
        }
    }
}
