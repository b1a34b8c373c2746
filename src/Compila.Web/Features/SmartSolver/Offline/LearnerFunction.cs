using System.Text.RegularExpressions;
using Compila.ChallengeSuites.Specs;

namespace Compila.Web.Features.SmartSolver.Offline;

/// <summary>A parameter of the learner's function as written, with the kind of value the signature gives it.</summary>
public sealed record LearnerParameter(string Name, TypeKind Kind)
{
    public bool IsCollection => Kind is TypeKind.List or TypeKind.Map or TypeKind.String;
    public bool IsMutable => Kind is TypeKind.List or TypeKind.Map;
}

/// <summary>Finds the learner's declaration of the challenge's function and the names it gives its parameters.</summary>
public static class LearnerFunction
{
    /// <summary>The learner's parameter names for <paramref name="function"/>, from its declaration line.</summary>
    public static (int Line, IReadOnlyList<string> Names)? Find(SourceCode src, string function)
    {
        var name = Regex.Escape(function);
        var pattern = src.Language switch
        {
            "python" => new Regex($@"^\s*def\s+{name}\s*\((?<p>.*)\)", StaticChecks.Options),
            "javascript" or "typescript" => new Regex($@"(?:function\s+{name}\s*(?:<[^>]*>)?\s*\((?<p>.*?)\)|\b{name}\s*=\s*(?:async\s*)?(?:function\s*)?\((?<p>.*?)\)|\b{name}\s*=\s*(?<p>\w+)\s*=>)", StaticChecks.Options),
            "go" => new Regex($@"^\s*func\s+{name}\s*\((?<p>.*?)\)", StaticChecks.Options),
            _ => new Regex($@"\b{name}\s*\((?<p>[^)]*)\)\s*(?:throws\s+[\w.,\s]+)?\{{?\s*$", StaticChecks.Options),
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
}
