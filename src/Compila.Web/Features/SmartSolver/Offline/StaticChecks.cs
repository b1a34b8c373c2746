using System.Text.RegularExpressions;
using Compila.ChallengeSuites.Specs;

namespace Compila.Web.Features.SmartSolver.Offline;

/// <summary>A parameter of the learner's function as written, with the kind of value the signature gives it.</summary>
public sealed record LearnerParameter(string Name, TypeKind Kind)
{
    public bool IsCollection => Kind is TypeKind.List or TypeKind.Map or TypeKind.String;
    public bool IsMutable => Kind is TypeKind.List or TypeKind.Map;
}

/// <summary>
/// Per-language static checks by careful line patterns over <see cref="SourceCode"/> (comments and strings removed):
/// off-by-one loop bounds, missing handling of empty input, mutating an argument, unused variables, shadowing, nested
/// loops over the input, loops that cannot end, money truncated instead of rounded, 32-bit integers that overflow.
/// Each finding points at the line it is about; none proposes the fix's code.
/// </summary>
public static class StaticChecks
{
    static readonly RegexOptions Options = RegexOptions.CultureInvariant;
    static readonly string[] PythonBuiltins = ["list", "dict", "str", "sum", "max", "min", "len", "input", "id", "type", "map", "filter", "set", "round", "sorted", "range"];

    public static List<Finding> Run(SourceCode src, IReadOnlyList<LearnerParameter> parameters, bool moneyChallenge, bool intsAreLong)
    {
        var findings = new List<Finding>();
        OffByOne(src, findings);
        EmptyInput(src, parameters, findings);
        MutatedArguments(src, parameters, findings);
        Loops(src, parameters, findings);
        if (moneyChallenge)
        {
            MoneyRounding(src, findings);
        }

        IntegerOverflow(src, intsAreLong, findings);

        Declarations(src, parameters, findings);
        return findings;
    }

    /// <summary>The learner's parameter names for <paramref name="function"/>, from its declaration line.</summary>
    public static (int Line, IReadOnlyList<string> Names)? FindFunction(SourceCode src, string function)
    {
        var name = Regex.Escape(function);
        var pattern = src.Language switch
        {
            "python" => new Regex($@"^\s*def\s+{name}\s*\((?<p>.*)\)", Options),
            "javascript" or "typescript" => new Regex($@"(?:function\s+{name}\s*(?:<[^>]*>)?\s*\((?<p>.*?)\)|\b{name}\s*=\s*(?:async\s*)?(?:function\s*)?\((?<p>.*?)\)|\b{name}\s*=\s*(?<p>\w+)\s*=>)", Options),
            "go" => new Regex($@"^\s*func\s+{name}\s*\((?<p>.*?)\)", Options),
            _ => new Regex($@"\b{name}\s*\((?<p>[^)]*)\)\s*(?:throws\s+[\w.,\s]+)?\{{?\s*$", Options),
        };
        for (var i = 0; i < src.LineCount; i++)
        {
            var m = pattern.Match(src.Code[i]);
            if (m.Success)
            {
                return (i + 1, SplitParameters(src.Language, m.Groups["p"].Value));
            }
        }

        return null;
    }

    static List<string> SplitParameters(string language, string text)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] is '<' or '[' or '(' or '{' ? 1 : text[i] is '>' or ']' or ')' or '}' ? -1 : 0;
            if (text[i] == ',' && depth == 0)
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        }

        parts.Add(text[start..]);
        var names = new List<string>();
        foreach (var raw in parts.Select(p => p.Trim()).Where(p => p.Length > 0))
        {
            var part = raw.Split('=')[0].Trim();
            var name = language switch
            {
                "python" or "javascript" or "typescript" => part.Split(':')[0].Trim().TrimStart('*', '.'),
                "go" => part.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0],
                _ => part.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1],
            };
            if (Regex.IsMatch(name, @"^[A-Za-z_$][\w$]*$"))
            {
                names.Add(name);
            }
        }

        return names;
    }

    static void OffByOne(SourceCode src, List<Finding> findings)
    {
        var pastEnd = src.Language == "python"
            ? new Regex(@"range\(\s*(?:[^,()]+,\s*)?len\((?<c>[\w.]+)\)\s*\+\s*1\s*[,)]", Options)
            : new Regex(@"\w+\s*<=\s*(?:(?<c>[\w.]+)\.(?:length|size\(\)|Count|Length)|len\((?<c>[\w.]+)\))(?!\s*-)", Options);
        var skipsLast = src.Language == "python"
            ? new Regex(@"range\(\s*(?:[^,()]+,\s*)?len\((?<c>[\w.]+)\)\s*-\s*1\s*\)", Options)
            : new Regex(@"\w+\s*<\s*(?:(?<c>[\w.]+)\.(?:length|size\(\)|Count|Length)|len\((?<c>[\w.]+)\))\s*-\s*1\b", Options);
        var fromZeroInclusive = src.Language == "python"
            ? new Regex(@"range\(\s*(?:0\s*,\s*)?(?<n>[\w.]+)\s*\+\s*1\s*\)", Options)
            : new Regex(@"\b(?<i>[A-Za-z_]\w*)\s*:?=\s*0\s*;\s*\k<i>\s*<=\s*(?<n>[\w.]+(?:\(\))?)\s*;", Options);
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

    static void EmptyInput(SourceCode src, IReadOnlyList<LearnerParameter> parameters, List<Finding> findings)
    {
        var all = src.AllCode;
        foreach (var p in parameters.Where(p => p.IsCollection))
        {
            var n = Regex.Escape(p.Name);
            var guard = new Regex(
                $@"(not\s+{n}\b|len\({n}\)\s*(==|<=?|<)\s*[01]\b|len\({n}\)\s*==\s*0|\b{n}\.(length|size\(\)|Count|Length)\s*(===?|==|<=?|<)\s*[01]\b|!\s*{n}\.length\b|\b{n}\.(isEmpty|IsEmpty)\(|\b{n}\.Any\(\)|if\s+{n}\s*:|\b{n}\s*==\s*\[\]|\b{n}\s*===?\s*""""|string\.IsNullOrEmpty\({n}\)|\b{n}\.isBlank\(|\b{n}\s*==\s*""""|[01]\s*(>=?|==)\s*len\({n}\))",
                Options);
            if (guard.IsMatch(all))
            {
                continue;
            }

            var risky = new Regex(
                $@"(\b{n}\s*\[\s*(0|-1)\s*\]|\b{n}\.get\(\s*0\s*\)|\b{n}\.(charAt|at)\(\s*(0|-1)\s*\)|\b{n}\[\s*(len\({n}\)|{n}\.(length|Count|Length))\s*-\s*1\s*\]|/\s*\(?\s*(\(\s*double\s*\)|float64\(|float\(|Number\()?\s*(len\({n}\)|{n}\.(length|size\(\)|Count|Length))|\b(max|min)\(\s*{n}\s*\)|\b{n}\.(First|Max|Min|Average)\(\)|Math\.(max|min)\(\s*\.\.\.{n}\s*\))",
                Options);
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

    static void MutatedArguments(SourceCode src, IReadOnlyList<LearnerParameter> parameters, List<Finding> findings)
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
            var regex = new Regex(pattern, Options);
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

    static bool IsLoopHeader(SourceCode src, string line) => src.Language switch
    {
        "python" => Regex.IsMatch(line, @"^\s*(for|while)\b"),
        "go" => Regex.IsMatch(line, @"^\s*for\b"),
        _ => Regex.IsMatch(line, @"^\s*(\}\s*)?(for|foreach|while|do)\b"),
    };

    static void Loops(SourceCode src, IReadOnlyList<LearnerParameter> parameters, List<Finding> findings)
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

    static void MoneyRounding(SourceCode src, List<Finding> findings)
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
        }, Options);
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
        var regex = new Regex(pattern, Options);
        return src.Code.Select(l => regex.Match(l)).Where(m => m.Success).Select(m => m.Groups["n"].Value).Distinct().ToList();
    }

    static void IntegerOverflow(SourceCode src, bool intsAreLong, List<Finding> findings)
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

        var regex = new Regex(pattern, Options);
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

    static void Declarations(SourceCode src, IReadOnlyList<LearnerParameter> parameters, List<Finding> findings)
    {
        var declaration = src.Language switch
        {
            "python" => new Regex(@"^\s*(?<n>[A-Za-z_]\w*)\s*=(?!=)", Options),
            "javascript" or "typescript" => new Regex(@"\b(?:let|const|var)\s+(?<n>[A-Za-z_$][\w$]*)", Options),
            "go" => new Regex(@"(?:^|\s|;)(?<n>[A-Za-z_]\w*)\s*:=|\bvar\s+(?<n>[A-Za-z_]\w*)", Options),
            _ => new Regex(@"^\s*(?:final\s+)?(?:int|long|double|float|boolean|bool|char|String|string|var|decimal|List<[^=]*>|Map<[^=]*>|Dictionary<[^=]*>|HashMap<[^=]*>|ArrayList<[^=]*>)\s+(?<n>[A-Za-z_]\w*)\s*[=;]", Options),
        };
        var declared = new Dictionary<string, int>(StringComparer.Ordinal);
        var parameterNames = parameters.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var unusedReported = 0;
        var shadowReported = false;
        for (var i = 0; i < src.LineCount; i++)
        {
            var line = src.Code[i];
            if (src.Language == "python" && Regex.Match(line, @"^\s*for\s+(?<n>[A-Za-z_]\w*)\s+in\b") is { Success: true } loopVar
                && parameterNames.Contains(loopVar.Groups["n"].Value) && !shadowReported)
            {
                findings.Add(Shadow(loopVar.Groups["n"].Value, i + 1, isParameter: true));
                shadowReported = true;
            }

            foreach (Match m in declaration.Matches(line))
            {
                var name = m.Groups["n"].Value;
                if (name is "_" or "err")
                {
                    continue;
                }

                if (!shadowReported && src.Language == "python" && PythonBuiltins.Contains(name))
                {
                    findings.Add(new Finding(FindingKind.Shadowing, "warning", "low", "Nome esconde uma função embutida", i + 1,
                        $"`{name}` é uma função embutida do Python; a partir desta linha ela fica escondida por sua variável.",
                        "Um nome que diga o que o valor significa evita a confusão. Qual seria?"));
                    shadowReported = true;
                }
                else if (!shadowReported && src.Language != "python" && (parameterNames.Contains(name)
                    || declared.TryGetValue(name, out var depth) && depth < src.Depth[i]))
                {
                    findings.Add(Shadow(name, i + 1, parameterNames.Contains(name)));
                    shadowReported = true;
                }

                declared.TryAdd(name, src.Depth[i]);
                if (unusedReported < 2 && src.CountWord(name) == 1)
                {
                    findings.Add(new Finding(FindingKind.UnusedVariable, "warning", "low", "Variável não usada", i + 1,
                        $"`{name}` recebe um valor nesta linha e nunca é lida depois.",
                        $"Você pretendia usar `{name}` em algum cálculo? Se não, remova-a; se sim, onde ela deveria entrar?"));
                    unusedReported++;
                }
            }
        }
    }

    static Finding Shadow(string name, int line, bool isParameter) => new(FindingKind.Shadowing, "warning", "medium",
        isParameter ? "Parâmetro sombreado" : "Variável sombreada", line,
        isParameter
            ? $"Esta linha declara `{name}` de novo, escondendo o parâmetro de mesmo nome: daqui em diante o valor recebido não é mais visível."
            : $"Esta linha declara um segundo `{name}` num bloco interno, escondendo o de fora: alterações aqui não chegam à variável externa.",
        $"Você queria um valor novo ou atualizar o `{name}` existente? Um nome diferente deixa a intenção clara.");
}
