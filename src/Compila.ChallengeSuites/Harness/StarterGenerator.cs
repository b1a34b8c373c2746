using System.Text;
using Compila.ChallengeSuites.Specs;

namespace Compila.ChallengeSuites.Harness;

/// <summary>
/// Starter code derived from the signature when content has no starter file: the function with the
/// right name and types, returning a neutral value. It compiles and, for any real challenge, fails.
/// </summary>
public static class StarterGenerator
{
    const string Hint = "Escreva sua solução aqui.";
    static readonly IFormatProvider Inv = System.Globalization.CultureInfo.InvariantCulture;

    /// <summary>The starter code of <paramref name="language"/>, or null when it cannot be derived (native tests).</summary>
    public static string? Generate(string language, TestSpec spec) => spec switch
    {
        FunctionTestSpec f => Function(language, f.Signature),
        StdioTestSpec => Program(language),
        _ => null,
    };

    static string Function(string language, FunctionSignature sig)
    {
        var name = LanguageNames.Function(language, sig.Name);
        var ps = sig.Parameters.Select(p => (Name: LanguageNames.Parameter(language, p.Name), Type: LanguageNames.Type(language, p.Type))).ToList();
        var ret = LanguageNames.Type(language, sig.Returns);
        var value = ZeroValue(language, sig.Returns);
        var sb = new StringBuilder();
        switch (language)
        {
            case "python":
                sb.Append(Inv, $"def {name}({string.Join(", ", ps.Select(p => $"{p.Name}: {p.Type}"))}) -> {ret}:\n");
                sb.Append(Inv, $"    # {Hint}\n    return {value}\n");
                break;
            case "javascript":
                sb.Append("/**\n");
                foreach (var p in ps)
                {
                    sb.Append(Inv, $" * @param {{{p.Type}}} {p.Name}\n");
                }
                sb.Append(Inv, $" * @returns {{{ret}}}\n */\nfunction {name}({string.Join(", ", ps.Select(p => p.Name))}) {{\n  // {Hint}\n  return {value};\n}}\n");
                break;
            case "typescript":
                sb.Append(Inv, $"function {name}({string.Join(", ", ps.Select(p => $"{p.Name}: {p.Type}"))}): {ret} {{\n  // {Hint}\n  return {value};\n}}\n");
                break;
            case "java":
                sb.Append("import java.util.*;\n\nclass Solution {\n");
                sb.Append(Inv, $"    static {ret} {name}({string.Join(", ", ps.Select(p => $"{p.Type} {p.Name}"))}) {{\n");
                sb.Append(Inv, $"        // {Hint}\n        return {value};\n    }}\n}}\n");
                break;
            case "go":
                sb.Append("package main\n\n");
                sb.Append(Inv, $"func {name}({string.Join(", ", ps.Select(p => $"{p.Name} {p.Type}"))}) {ret} {{\n\t// {Hint}\n\treturn {value}\n}}\n");
                break;
            case "csharp":
                sb.Append("using System;\nusing System.Collections.Generic;\nusing System.Linq;\n\npublic static class Solution\n{\n");
                sb.Append(Inv, $"    public static {ret} {name}({string.Join(", ", ps.Select(p => $"{p.Type} {p.Name}"))})\n    {{\n");
                sb.Append(Inv, $"        // {Hint}\n        return {value};\n    }}\n}}\n");
                break;
            default:
                throw new ArgumentException($"Unknown language '{language}'.", nameof(language));
        }
        return sb.ToString();
    }

    internal static string ZeroValue(string language, TypeRef t) => (language, t.Kind) switch
    {
        (_, TypeKind.Optional) => language switch { "python" => "None", "go" => "nil", _ => "null" },
        ("python", TypeKind.Int) => "0",
        ("python", TypeKind.Float) => "0.0",
        ("python", TypeKind.Bool) => "False",
        ("python", TypeKind.String) => "\"\"",
        ("python", TypeKind.List) => "[]",
        ("python", TypeKind.Map) => "{}",
        ("javascript" or "typescript", TypeKind.Int or TypeKind.Float) => "0",
        ("javascript" or "typescript", TypeKind.Bool) => "false",
        ("javascript" or "typescript", TypeKind.String) => "\"\"",
        ("javascript" or "typescript", TypeKind.List) => "[]",
        ("javascript" or "typescript", TypeKind.Map) => "{}",
        ("java", TypeKind.Int) => "0L",
        ("java", TypeKind.Float) => "0.0",
        ("java", TypeKind.Bool) => "false",
        ("java", TypeKind.String) => "\"\"",
        ("java", TypeKind.List) => "new ArrayList<>()",
        ("java", TypeKind.Map) => "new HashMap<>()",
        ("go", TypeKind.Int or TypeKind.Float) => "0",
        ("go", TypeKind.Bool) => "false",
        ("go", TypeKind.String) => "\"\"",
        ("go", TypeKind.List or TypeKind.Map) => LanguageNames.GoType(t) + "{}",
        ("csharp", TypeKind.Int) => "0",
        ("csharp", TypeKind.Float) => "0.0",
        ("csharp", TypeKind.Bool) => "false",
        ("csharp", TypeKind.String) => "\"\"",
        ("csharp", TypeKind.List or TypeKind.Map) => "new()",
        _ => throw new ArgumentException($"Unknown language '{language}'.", nameof(language)),
    };

    static string Program(string language) => language switch
    {
        "python" => $"import sys\n\n# {Hint}\ndados = sys.stdin.read()\n",
        "javascript" => $"const dados = require(\"fs\").readFileSync(0, \"utf8\");\n// {Hint}\n",
        "typescript" => $"import * as fs from \"fs\";\n\nconst dados: string = fs.readFileSync(0, \"utf8\");\n// {Hint}\n",
        "java" => $"import java.util.*;\n\npublic class Main {{\n    public static void main(String[] args) {{\n        Scanner in = new Scanner(System.in);\n        // {Hint}\n    }}\n}}\n",
        "go" => $"package main\n\nimport (\n\t\"bufio\"\n\t\"os\"\n)\n\nfunc main() {{\n\tleitor := bufio.NewReader(os.Stdin)\n\t_ = leitor\n\t// {Hint}\n}}\n",
        "csharp" => $"using System;\n\nvar dados = Console.In.ReadToEnd();\n// {Hint}\n",
        _ => throw new ArgumentException($"Unknown language '{language}'.", nameof(language)),
    };
}
