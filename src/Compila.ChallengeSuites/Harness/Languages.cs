using System.Globalization;
using System.Text;
using Compila.ChallengeSuites.Specs;

namespace Compila.ChallengeSuites.Harness;

/// <summary>A judged language as the tests see it: its files in content and in the sandbox.</summary>
/// <param name="Id">The judge's language id.</param>
/// <param name="ContentFileName">The file name of starter and solution code in content.</param>
/// <param name="EntryFileName">The file name handed to the judge (Java needs <c>Main.java</c>).</param>
public sealed record TestLanguage(string Id, string ContentFileName, string EntryFileName, string LineComment);

/// <summary>The six judged languages and how each spells the signature's names.</summary>
public static class TestLanguages
{
    public static readonly TestLanguage Python = new("python", "solution.py", "main.py", "#");
    public static readonly TestLanguage JavaScript = new("javascript", "solution.js", "main.js", "//");
    public static readonly TestLanguage TypeScript = new("typescript", "solution.ts", "main.ts", "//");
    public static readonly TestLanguage Java = new("java", "Solution.java", "Main.java", "//");
    public static readonly TestLanguage Go = new("go", "solution.go", "main.go", "//");
    public static readonly TestLanguage CSharp = new("csharp", "Solution.cs", "Program.cs", "//");

    /// <summary>In the order the catalog lists them.</summary>
    public static readonly IReadOnlyList<TestLanguage> All = [Python, JavaScript, TypeScript, Java, Go, CSharp];

    public static TestLanguage? Find(string id) => All.FirstOrDefault(l => l.Id == id);

    public static TestLanguage Get(string id) =>
        Find(id) ?? throw new ArgumentException($"Unknown language '{id}'.", nameof(id));
}

/// <summary>How each language spells a snake_case name of the signature.</summary>
public static class LanguageNames
{
    /// <summary>The function's name: snake_case in Python, camelCase in JavaScript, TypeScript, Java and Go, PascalCase in C#.</summary>
    public static string Function(string language, string snakeName) => language switch
    {
        "python" => snakeName,
        "csharp" => Pascal(snakeName),
        _ => Camel(snakeName),
    };

    /// <summary>A parameter's name: snake_case in Python, camelCase elsewhere.</summary>
    public static string Parameter(string language, string snakeName) =>
        language == "python" ? snakeName : Camel(snakeName);

    public static string Camel(string snake)
    {
        var pascal = Pascal(snake);
        return pascal.Length == 0 ? pascal : char.ToLowerInvariant(pascal[0]) + pascal[1..];
    }

    public static string Pascal(string snake)
    {
        var sb = new StringBuilder();
        foreach (var part in snake.Split('_', StringSplitOptions.RemoveEmptyEntries))
        {
            sb.Append(char.ToUpperInvariant(part[0])).Append(part.AsSpan(1));
        }
        return sb.ToString();
    }

    /// <summary>The type as the learner writes it in <paramref name="language"/>.</summary>
    public static string Type(string language, TypeRef type) => language switch
    {
        "python" => PythonType(type),
        "javascript" or "typescript" => TsType(type),
        "java" => JavaType(type, boxed: false),
        "go" => GoType(type),
        "csharp" => CSharpType(type),
        _ => throw new ArgumentException($"Unknown language '{language}'.", nameof(language)),
    };

    static string PythonType(TypeRef t) => t.Kind switch
    {
        TypeKind.Int => "int",
        TypeKind.Float => "float",
        TypeKind.Bool => "bool",
        TypeKind.String => "str",
        TypeKind.List => $"list[{PythonType(t.Inner)}]",
        TypeKind.Map => $"dict[str, {PythonType(t.Inner)}]",
        _ => $"{PythonType(t.Inner)} | None",
    };

    static string TsType(TypeRef t) => t.Kind switch
    {
        TypeKind.Int or TypeKind.Float => "number",
        TypeKind.Bool => "boolean",
        TypeKind.String => "string",
        TypeKind.List => t.Inner.Kind == TypeKind.Optional ? $"({TsType(t.Inner)})[]" : $"{TsType(t.Inner)}[]",
        TypeKind.Map => $"Record<string, {TsType(t.Inner)}>",
        _ => $"{TsType(t.Inner)} | null",
    };

    internal static string JavaType(TypeRef t, bool boxed) => t.Kind switch
    {
        TypeKind.Int => boxed ? "Long" : "long",
        TypeKind.Float => boxed ? "Double" : "double",
        TypeKind.Bool => boxed ? "Boolean" : "boolean",
        TypeKind.String => "String",
        TypeKind.List => $"List<{JavaType(t.Inner, boxed: true)}>",
        TypeKind.Map => $"Map<String, {JavaType(t.Inner, boxed: true)}>",
        _ => JavaType(t.Inner, boxed: true),
    };

    internal static string GoType(TypeRef t) => t.Kind switch
    {
        TypeKind.Int => "int64",
        TypeKind.Float => "float64",
        TypeKind.Bool => "bool",
        TypeKind.String => "string",
        TypeKind.List => $"[]{GoType(t.Inner)}",
        TypeKind.Map => $"map[string]{GoType(t.Inner)}",
        _ => $"*{GoType(t.Inner)}",
    };

    internal static string CSharpType(TypeRef t) => t.Kind switch
    {
        TypeKind.Int => "long",
        TypeKind.Float => "double",
        TypeKind.Bool => "bool",
        TypeKind.String => "string",
        TypeKind.List => $"List<{CSharpType(t.Inner)}>",
        TypeKind.Map => $"Dictionary<string, {CSharpType(t.Inner)}>",
        _ => $"{CSharpType(t.Inner)}?",
    };

    /// <summary>A compact code of the type for the harness runtimes: i f b s, L… M… O….</summary>
    internal static string Code(TypeRef t) => t.Kind switch
    {
        TypeKind.Int => "i",
        TypeKind.Float => "f",
        TypeKind.Bool => "b",
        TypeKind.String => "s",
        TypeKind.List => "L" + Code(t.Inner),
        TypeKind.Map => "M" + Code(t.Inner),
        _ => "O" + Code(t.Inner),
    };

    internal static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
