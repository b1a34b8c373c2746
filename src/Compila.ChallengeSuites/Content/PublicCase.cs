using Compila.ChallengeSuites.Specs;

namespace Compila.ChallengeSuites.Content;

/// <summary>
/// A visible case as learners may see it: for function challenges the arguments and expected value as
/// JSON, for stdin/stdout challenges the input and expected output. Hidden cases never become one.
/// </summary>
public sealed record PublicCase(string Name, string? Args, string? Expected, string? Stdin, string? ExpectedStdout);

public static class ChallengePublicView
{
    /// <summary>The visible cases of <paramref name="challenge"/>, in order; hidden cases are left out entirely.</summary>
    public static IReadOnlyList<PublicCase> VisibleCases(this ChallengeSuite challenge)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        return challenge.Tests switch
        {
            FunctionTestSpec f => f.Cases.Where(c => !c.Hidden)
                .Select(c => new PublicCase(c.Name, JsonValues.Render(new System.Text.Json.Nodes.JsonArray(c.Args.Select(a => a?.DeepClone()).ToArray())),
                    JsonValues.Render(c.Expected), null, null))
                .ToList(),
            StdioTestSpec s => s.Cases.Where(c => !c.Hidden).Select(c => new PublicCase(c.Name, null, null, c.Stdin, c.ExpectedStdout)).ToList(),
            _ => [],
        };
    }

    /// <summary>How many cases are hidden (learners may see the count, never the cases).</summary>
    public static int HiddenCaseCount(this ChallengeSuite challenge)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        return challenge.Tests switch
        {
            FunctionTestSpec f => f.Cases.Count(c => c.Hidden),
            StdioTestSpec s => s.Cases.Count(c => c.Hidden),
            ScenarioTestSpec s => s.Cases.Count(c => c.Hidden),
            _ => 0,
        };
    }
}
