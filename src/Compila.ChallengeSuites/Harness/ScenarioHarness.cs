using System.Text;
using System.Text.Json.Nodes;
using Compila.ChallengeSuites.Specs;

namespace Compila.ChallengeSuites.Harness;

/// <summary>
/// Builds, for one language, the program the judge runs for a scenario challenge: the learner's code
/// followed by a generated driver. The driver reads one step per stdin line, <c>[case, step, method, args]</c>
/// (never an expected value), makes a fresh instance at each case's step 0, calls the method with its prints
/// captured and writes one record per step, <c>@@COMPILA@@{"c":case,"s":step,...}</c>, with the returned
/// value, the class's error and its message (<c>"kind":"refused"</c>) or any other exception. The host
/// decides pass or fail by comparing those values with the expected ones it never sends.
/// </summary>
public static class ScenarioHarness
{
    /// <summary>The files to hand to the judge: a single entry file (learner code first, so its line numbers stand).</summary>
    public static IReadOnlyList<SourceFile> Generate(string language, ScenarioClass cls, string learnerCode)
    {
        var lang = TestLanguages.Get(language);
        var code = learnerCode.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd() + "\n";
        var driver = HarnessGenerator.Runtime("scenario_" + language)
            .Replace("__CPL_METHODS__", Methods(language, cls), StringComparison.Ordinal)
            .Replace("__CPL_NEW__", Constructor(language, cls), StringComparison.Ordinal)
            .Replace("__CPL_CLASS__", LanguageNames.Pascal(cls.Name), StringComparison.Ordinal)
            .Replace("__CPL_ERROR__", ErrorName(language, cls), StringComparison.Ordinal)
            .Replace("__CPL_DISPATCH__", Dispatch(language, cls), StringComparison.Ordinal);
        var content = language == "go" ? HarnessGenerator.SpliceGo(code, HarnessGenerator.Runtime("go_imports")) + driver : code + driver;
        return [new SourceFile(lang.EntryFileName, content)];
    }

    /// <summary>One stdin line per step of <paramref name="cases"/> (given with their index in the spec): <c>[case, step, method, args]</c>.</summary>
    public static string Stdin(ScenarioClass cls, IEnumerable<(int Index, ScenarioCase Case)> cases)
    {
        var sb = new StringBuilder();
        foreach (var (index, c) in cases)
        {
            for (var s = 0; s < c.Steps.Count; s++)
            {
                var step = c.Steps[s];
                var method = cls.Methods.ToList().FindIndex(m => m.Name == step.Method);
                var line = new JsonArray(index, s, method, new JsonArray(step.Args.Select(a => a?.DeepClone()).ToArray()));
                sb.Append(JsonValues.Serialize(line)).Append('\n');
            }
        }
        return sb.ToString();
    }

    /// <summary>The class's name, PascalCase in every language.</summary>
    public static string ClassName(ScenarioClass cls) => LanguageNames.Pascal(cls.Name);

    /// <summary>The error's name in <paramref name="language"/>: the override, else PascalCase; Go has none (errors are values).</summary>
    public static string ErrorName(string language, ScenarioClass cls) =>
        cls.ErrorOverrides.TryGetValue(language, out var name) ? name : LanguageNames.Pascal(cls.ErrorName);

    /// <summary>A method's name: the language's own function spelling (Go exports it: PascalCase).</summary>
    public static string MethodName(string language, string snakeName) =>
        language == "go" ? LanguageNames.Pascal(snakeName) : LanguageNames.Function(language, snakeName);

    static string Constructor(string language, ScenarioClass cls)
    {
        if (cls.ConstructorOverrides.TryGetValue(language, out var expression))
        {
            return expression;
        }
        var name = ClassName(cls);
        return language switch
        {
            "python" => name + "()",
            "go" => "&" + name + "{}",
            _ => "new " + name + "()",
        };
    }

    static string Methods(string language, ScenarioClass cls)
    {
        switch (language)
        {
            case "python":
                return "[" + string.Join(", ", cls.Methods.Select(m =>
                    $"(\"{MethodName(language, m.Name)}\", [{string.Join(", ", m.Parameters.Select(p => "\"" + LanguageNames.Code(p.Type) + "\""))}], {(m.Returns is null ? "True" : "False")})")) + "]";
            case "javascript" or "typescript":
                return "[" + string.Join(", ", cls.Methods.Select(m =>
                    $"[\"{MethodName(language, m.Name)}\", {(m.Returns is null ? "true" : "false")}]")) + "]";
            case "java":
                return string.Join(", ", cls.Methods.Select(m =>
                    "{ " + string.Join(", ", m.Parameters.Select(p => "\"" + LanguageNames.Code(p.Type) + "\"")) + " }"));
            default:
                return "";
        }
    }

    static string Dispatch(string language, ScenarioClass cls)
    {
        var sb = new StringBuilder();
        for (var k = 0; k < cls.Methods.Count; k++)
        {
            var m = cls.Methods[k];
            var name = MethodName(language, m.Name);
            switch (language)
            {
                case "java":
                {
                    var args = string.Join(", ", m.Parameters.Select((p, i) => $"({HarnessGenerator.JavaCast(p.Type)}) a.get({i})"));
                    sb.Append("            case ").Append(k).Append(": ");
                    sb.Append(m.Returns is null ? $"inst.{name}({args}); return null;\n" : $"return inst.{name}({args});\n");
                    break;
                }
                case "csharp":
                {
                    var args = string.Join(", ", m.Parameters.Select((p, i) => HarnessGenerator.CSharpConvert(p.Type, $"a[{i}]", 0)));
                    sb.Append("            case ").Append(k).Append(": ");
                    sb.Append(m.Returns is null ? $"inst.{name}({args}); return null;\n" : $"return inst.{name}({args});\n");
                    break;
                }
                case "go":
                {
                    sb.Append("\t\t\tcase ").Append(k).Append(":\n");
                    for (var i = 0; i < m.Parameters.Count; i++)
                    {
                        sb.Append("\t\t\t\tvar a").Append(i).Append(' ').Append(LanguageNames.GoType(m.Parameters[i].Type)).Append('\n');
                        sb.Append("\t\t\t\tcplArg(raw, ").Append(i).Append(", &a").Append(i).Append(")\n");
                    }
                    var call = $"inst.{name}({string.Join(", ", m.Parameters.Select((_, i) => "a" + i))})";
                    sb.Append("\t\t\t\t").Append((m.Returns is null, m.Raises) switch
                    {
                        (true, true) => $"return nil, {call}",
                        (true, false) => $"{call}\n\t\t\t\treturn nil, nil",
                        (false, true) => $"v, err := {call}\n\t\t\t\treturn v, err",
                        (false, false) => $"return {call}, nil",
                    }).Append('\n');
                    break;
                }
            }
        }
        return sb.ToString().TrimEnd('\n');
    }
}
