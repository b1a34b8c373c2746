namespace Compila.Web.Features.Jobs.Matching;

/// <summary>
/// Job technologies and verified skills must name things alike: skills are stored lower case as the catalog names
/// them (<c>go</c>, <c>javascript</c>, <c>csharp</c>), while companies write "Golang", "JS" or "C#".
/// </summary>
public static class TechnologyNames
{
    static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["golang"] = "go",
        ["js"] = "javascript",
        ["node"] = "javascript",
        ["node.js"] = "javascript",
        ["nodejs"] = "javascript",
        ["ts"] = "typescript",
        ["c#"] = "csharp",
        ["dotnet"] = "csharp",
        [".net"] = "csharp",
        ["py"] = "python",
        ["postgres"] = "postgresql",
        ["k8s"] = "kubernetes",
    };

    static readonly Dictionary<string, string> Display = new(StringComparer.Ordinal)
    {
        ["go"] = "Go",
        ["javascript"] = "JavaScript",
        ["typescript"] = "TypeScript",
        ["csharp"] = "C#",
        ["python"] = "Python",
        ["java"] = "Java",
        ["sql"] = "SQL",
        ["postgresql"] = "PostgreSQL",
        ["kubernetes"] = "Kubernetes",
        ["docker"] = "Docker",
        ["react"] = "React",
        ["html"] = "HTML",
        ["css"] = "CSS",
        ["api"] = "APIs",
        ["rest"] = "REST",
    };

    public static string Canonical(string name)
    {
        var lower = name.Trim().ToLowerInvariant();
        return Aliases.GetValueOrDefault(lower, lower);
    }

    /// <summary>How a name reads in a pt-BR sentence: "Go", "C#", or the name with a capital first letter.</summary>
    public static string ForDisplay(string name) =>
        Display.TryGetValue(name, out var shown) ? shown : name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];
}
