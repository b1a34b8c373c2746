using System.Text.RegularExpressions;
using Compila.ChallengeSuites.Content;
using Compila.Web.Infrastructure.Text;

namespace Compila.Web.Features.Tutor;

/// <summary>
/// Keeps the tutor from handing over a solution: it tells a request for one, and an answer that reproduces
/// distinctive lines of any reference solution of the challenge.
/// </summary>
internal static partial class SolutionGuard
{
    /// <summary>True when the learner asks for the solution itself rather than for help.</summary>
    public static bool AsksForSolution(string message) => SolutionRequest().IsMatch(SearchText.Fold(message));

    /// <summary>True when the answer reproduces any of the <paramref name="solutionLines"/>.</summary>
    public static bool Leaks(string answer, IReadOnlyList<string> solutionLines)
    {
        var normalized = Whitespace().Replace(answer, " ");
        return solutionLines.Any(line => normalized.Contains(line, StringComparison.Ordinal));
    }

    /// <summary>
    /// The distinctive lines of the challenge's reference solutions (whitespace collapsed, 25 characters or more):
    /// lines the learner already has (signatures in the starter code) are not the solution.
    /// </summary>
    public static List<string> SolutionLines(ChallengeSuite source)
    {
        static IEnumerable<string> Lines(IEnumerable<Judge.SourceFile> files) =>
            files.SelectMany(f => f.Content.Split('\n')).Select(l => Whitespace().Replace(l.Trim(), " "));
        var starterLines = Lines(source.Languages.Values.SelectMany(l => l.Starter)).ToHashSet();
        return Lines(source.Languages.Values.SelectMany(l => l.Solution))
            .Where(l => l.Length >= 25 && !starterLines.Contains(l)).Distinct().ToList();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\b(solucao|resposta|gabarito|codigo)\b.{0,30}\b(pronta|pronto|completa|completo|inteira|inteiro|final|certa|certo)\b|\b(me (da|de|passa|mostra|manda)|quero|mostre|mostra)\b.{0,20}\b(solucao|resposta|gabarito)\b|\bresolve (pra|para) mim\b|\bfaz (pra|para) mim\b")]
    private static partial Regex SolutionRequest();
}
