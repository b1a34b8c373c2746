using System.Reflection;
using System.Text;
using Compila.ChallengeSuites.Specs;

namespace Compila.ChallengeSuites.Harness;

/// <summary>
/// Builds, for one language, the program the judge runs for a function-style challenge: the
/// learner's code followed by a generated driver. The driver reads one JSON array of arguments per
/// stdin line (never an expected value: comparison happens on the host), calls the learner's
/// function once per line with its prints captured, and writes one result record per case,
/// prefixed by <see cref="Marker"/>, to the real stdout.
/// </summary>
public static class HarnessGenerator
{
    /// <summary>Starts every result record the driver writes.</summary>
    public const string Marker = "@@COMPILA@@";

    /// <summary>The files to hand to the judge: a single entry file (learner code first, so its line numbers stand).</summary>
    public static IReadOnlyList<SourceFile> Generate(string language, FunctionSignature signature, string learnerCode)
    {
        var lang = TestLanguages.Get(language);
        var code = learnerCode.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd() + "\n";
        var function = LanguageNames.Function(language, signature.Name);
        var driver = Runtime(language)
            .Replace("__CPL_FUNCTION__", function, StringComparison.Ordinal)
            .Replace("__CPL_TYPES__", TypeCodes(language, signature), StringComparison.Ordinal)
            .Replace("__CPL_CALL__", Call(language, signature, function), StringComparison.Ordinal);
        var content = language == "go" ? SpliceGo(code, Runtime("go_imports")) + driver : code + driver;
        return [new SourceFile(lang.EntryFileName, content)];
    }

    /// <summary>One stdin line per case: the JSON array of its arguments.</summary>
    public static string Stdin(IEnumerable<FunctionCase> cases) =>
        string.Concat(cases.Select(c => JsonValues.Serialize(new System.Text.Json.Nodes.JsonArray(
            c.Args.Select(a => a?.DeepClone()).ToArray())) + "\n"));

    static string TypeCodes(string language, FunctionSignature signature)
    {
        var codes = signature.Parameters.Select(p => "\"" + LanguageNames.Code(p.Type) + "\"");
        return language == "python" ? "[" + string.Join(", ", codes) + "]" : string.Join(", ", codes);
    }

    static string Call(string language, FunctionSignature signature, string function)
    {
        var parameters = signature.Parameters;
        switch (language)
        {
            case "java":
            {
                var args = parameters.Select((p, i) => $"({JavaCast(p.Type)}) a.get({i})");
                return $"Solution.{function}({string.Join(", ", args)})";
            }
            case "csharp":
            {
                var args = parameters.Select((p, i) => CSharpConvert(p.Type, $"a[{i}]", 0));
                return $"        return Solution.{function}({string.Join(", ", args)});";
            }
            case "go":
            {
                var sb = new StringBuilder();
                for (var i = 0; i < parameters.Count; i++)
                {
                    sb.Append("\tvar a").Append(i).Append(' ').Append(LanguageNames.GoType(parameters[i].Type)).Append('\n');
                    sb.Append("\tcplArg(raw, ").Append(i).Append(", &a").Append(i).Append(")\n");
                }
                sb.Append("\treturn ").Append(function).Append('(')
                    .Append(string.Join(", ", parameters.Select((_, i) => "a" + i))).Append(')');
                return sb.ToString();
            }
            default:
                return "";
        }
    }

    internal static string JavaCast(TypeRef t) => t.Kind switch
    {
        TypeKind.Int => "java.lang.Long",
        TypeKind.Float => "java.lang.Double",
        TypeKind.Bool => "java.lang.Boolean",
        TypeKind.String => "java.lang.String",
        TypeKind.List => $"java.util.List<{JavaCast(t.Inner)}>",
        TypeKind.Map => $"java.util.Map<java.lang.String, {JavaCast(t.Inner)}>",
        _ => JavaCast(t.Inner),
    };

    internal static string CSharpConvert(TypeRef t, string e, int depth)
    {
        var x = "x" + depth;
        return t.Kind switch
        {
            TypeKind.Int => $"{e}.GetInt64()",
            TypeKind.Float => $"{e}.GetDouble()",
            TypeKind.Bool => $"{e}.GetBoolean()",
            TypeKind.String => $"{e}.GetString()!",
            TypeKind.List => $"L({e}, {x} => {CSharpConvert(t.Inner, x, depth + 1)})",
            TypeKind.Map => $"M({e}, {x} => {CSharpConvert(t.Inner, x, depth + 1)})",
            _ => $"(IsNull({e}) ? ({FullCSharpType(t.Inner)}?)null : ({FullCSharpType(t.Inner)}?){CSharpConvert(t.Inner, e, depth + 1)})",
        };
    }

    static string FullCSharpType(TypeRef t) => t.Kind switch
    {
        TypeKind.Int => "long",
        TypeKind.Float => "double",
        TypeKind.Bool => "bool",
        TypeKind.String => "string",
        TypeKind.List => $"global::System.Collections.Generic.List<{FullCSharpType(t.Inner)}>",
        TypeKind.Map => $"global::System.Collections.Generic.Dictionary<string, {FullCSharpType(t.Inner)}>",
        _ => FullCSharpType(t.Inner) + "?",
    };

    /// <summary>Go allows imports only before declarations, so the driver's (aliased) imports go right after the package clause.</summary>
    internal static string SpliceGo(string code, string imports)
    {
        var lines = code.Split('\n').ToList();
        var index = lines.FindIndex(l => l.TrimStart().StartsWith("package ", StringComparison.Ordinal));
        if (index < 0)
        {
            return "package main\n" + imports + code;
        }
        // Keep the learner's line numbers: the imports join the package clause's line.
        lines[index] = lines[index] + "; " + imports.Replace("\n", "; ", StringComparison.Ordinal).Replace("(; ", "(", StringComparison.Ordinal).TrimEnd(' ', ';');
        return string.Join('\n', lines);
    }

    static readonly Dictionary<string, string> RuntimeCache = [];

    internal static string Runtime(string name)
    {
        lock (RuntimeCache)
        {
            if (RuntimeCache.TryGetValue(name, out var cached))
            {
                return cached;
            }
            var file = name switch
            {
                "python" => "python.py",
                "javascript" => "javascript.js",
                "typescript" => "typescript.ts",
                "java" => "java.java",
                "go" => "go.go",
                "go_imports" => "go_imports.go",
                "csharp" => "csharp.cs",
                "scenario_python" => "scenario_python.py",
                "scenario_javascript" => "scenario_javascript.js",
                "scenario_typescript" => "scenario_typescript.ts",
                "scenario_java" => "scenario_java.java",
                "scenario_go" => "scenario_go.go",
                "scenario_csharp" => "scenario_csharp.cs",
                "values_python" => "values_python.py",
                "values_javascript" => "values_javascript.js",
                "values_typescript" => "values_typescript.ts",
                "values_java" => "values_java.java",
                "values_go" => "values_go.go",
                "values_csharp" => "values_csharp.cs",
                _ => throw new ArgumentException($"No harness runtime for '{name}'.", nameof(name)),
            };
            using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Compila.ChallengeSuites.Runtime." + file)
                ?? throw new InvalidOperationException($"Harness runtime {file} is missing from the assembly.");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var text = reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
            // Function and scenario drivers of a language share one copy of the value parsing and serialisation.
            var language = name.StartsWith("scenario_", StringComparison.Ordinal) ? name["scenario_".Length..] : name;
            foreach (var marker in new[] { "# __CPL_VALUES__\n", "// __CPL_VALUES__\n" })
            {
                if (text.Contains(marker, StringComparison.Ordinal))
                {
                    text = text.Replace(marker, Runtime("values_" + language), StringComparison.Ordinal);
                }
            }

            RuntimeCache[name] = text;
            return text;
        }
    }
}
