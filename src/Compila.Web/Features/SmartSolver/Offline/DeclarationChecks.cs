using System.Text.RegularExpressions;

namespace Compila.Web.Features.SmartSolver.Offline;

/// <summary>Declaration checks: unused variables, and names that shadow a parameter, an outer variable or a Python built-in.</summary>
internal static class DeclarationChecks
{
    static readonly string[] PythonBuiltins = ["list", "dict", "str", "sum", "max", "min", "len", "input", "id", "type", "map", "filter", "set", "round", "sorted", "range"];

    public static void Declarations(SourceCode src, IReadOnlyList<LearnerParameter> parameters, List<Finding> findings)
    {
        var declaration = src.Language switch
        {
            "python" => new Regex(@"^\s*(?<n>[A-Za-z_]\w*)\s*=(?!=)", StaticChecks.Options),
            "javascript" or "typescript" => new Regex(@"\b(?:let|const|var)\s+(?<n>[A-Za-z_$][\w$]*)", StaticChecks.Options),
            "go" => new Regex(@"(?:^|\s|;)(?<n>[A-Za-z_]\w*)\s*:=|\bvar\s+(?<n>[A-Za-z_]\w*)", StaticChecks.Options),
            _ => new Regex(@"^\s*(?:final\s+)?(?:int|long|double|float|boolean|bool|char|String|string|var|decimal|List<[^=]*>|Map<[^=]*>|Dictionary<[^=]*>|HashMap<[^=]*>|ArrayList<[^=]*>)\s+(?<n>[A-Za-z_]\w*)\s*[=;]", StaticChecks.Options),
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
