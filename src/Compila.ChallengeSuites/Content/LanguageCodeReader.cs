using Compila.ChallengeSuites.Harness;
using Compila.ChallengeSuites.Specs;

namespace Compila.ChallengeSuites.Content;

/// <summary>Reads a challenge's <c>solution/</c> and <c>starter/</c> files: one reference solution and one starter per language.</summary>
internal static class LanguageCodeReader
{
    internal static Dictionary<string, LanguageCode> Read(string dir, Func<string, string> rel, TestSpec? spec, List<ContentError> errors)
    {
        var result = new Dictionary<string, LanguageCode>(StringComparer.Ordinal);
        var solutionDir = Path.Combine(dir, "solution");
        var starterDir = Path.Combine(dir, "starter");
        var known = TestLanguages.All.ToDictionary(l => l.ContentFileName, StringComparer.Ordinal);
        foreach (var folder in new[] { solutionDir, starterDir })
        {
            if (!Directory.Exists(folder))
            {
                continue;
            }
            foreach (var file in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(file);
                if (!known.ContainsKey(name))
                {
                    errors.Add(new ContentError(rel(Path.Combine(Path.GetFileName(folder), name)), null, null,
                        $"arquivo desconhecido; use {string.Join(", ", known.Keys)}"));
                }
            }
        }
        foreach (var lang in TestLanguages.All)
        {
            var solutionPath = Path.Combine(solutionDir, lang.ContentFileName);
            var starterPath = Path.Combine(starterDir, lang.ContentFileName);
            var hasStarter = File.Exists(starterPath);
            if (!File.Exists(solutionPath))
            {
                if (hasStarter)
                {
                    errors.Add(new ContentError(rel("solution/" + lang.ContentFileName), null, null,
                        $"há starter/{lang.ContentFileName} mas falta a solução de referência"));
                }
                continue;
            }
            var solution = File.ReadAllText(solutionPath);
            if (string.IsNullOrWhiteSpace(solution))
            {
                errors.Add(new ContentError(rel("solution/" + lang.ContentFileName), null, null, "a solução está vazia"));
                continue;
            }
            string? starter = hasStarter ? File.ReadAllText(starterPath) : spec is null ? null : StarterGenerator.Generate(lang.Id, spec);
            if (starter is null)
            {
                if (spec is not null)
                {
                    errors.Add(new ContentError(rel("starter/" + lang.ContentFileName), null, null,
                        "kind: scenario precisa de starter explícito (a classe, seu erro e as assinaturas dos métodos)"));
                }
                continue;
            }
            result[lang.Id] = new LanguageCode(
                lang.Id,
                [new SourceFile(lang.ContentFileName, starter)],
                [new SourceFile(lang.ContentFileName, solution)],
                StarterGenerated: !hasStarter);
        }
        if (result.Count == 0 && spec is not null)
        {
            errors.Add(new ContentError(rel("solution/"), null, null,
                $"nenhuma solução de referência; crie ao menos uma entre {string.Join(", ", TestLanguages.All.Select(l => l.ContentFileName))}"));
        }
        return result;
    }
}
