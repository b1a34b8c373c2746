using Compila.ChallengeSuites.Specs;

namespace Compila.ChallengeSuites.Content;

/// <summary>The spec's <c>challenge_stack</c> enum.</summary>
public enum ChallengeStack { Frontend, Backend, Mobile, Devops, Iot, Data }

/// <summary>The spec's <c>challenge_level</c> enum.</summary>
public enum ChallengeLevel { Beginner, Junior, Mid, Senior, Expert }

/// <summary>The starter code and reference solution of one language.</summary>
/// <param name="StarterGenerated">True when the content has no starter file and it was generated from the signature.</param>
public sealed record LanguageCode(
    string Language,
    IReadOnlyList<SourceFile> Starter,
    IReadOnlyList<SourceFile> Solution,
    bool StarterGenerated);

/// <summary>One challenge as read from <c>content/challenges/&lt;slug&gt;/</c>. Every member is validated.</summary>
public sealed record ChallengeSuite
{
    public required string Slug { get; init; }
    public required string Title { get; init; }
    public required string ShortDescription { get; init; }
    /// <summary>Markdown, pt-BR.</summary>
    public required string Description { get; init; }
    public required ChallengeStack Stack { get; init; }
    public required ChallengeLevel Level { get; init; }
    /// <summary>1 to 5.</summary>
    public required int Difficulty { get; init; }
    public required IReadOnlyList<string> Technologies { get; init; }
    public required IReadOnlyList<string> Tags { get; init; }
    /// <summary>The spec's requirements JSON: a list of requirement texts, pt-BR.</summary>
    public required IReadOnlyList<string> Requirements { get; init; }
    public required int XpReward { get; init; }
    public required int EstimatedTimeMinutes { get; init; }
    public required IReadOnlyList<string> Badges { get; init; }
    public required bool Published { get; init; }
    public required TestSpec Tests { get; init; }
    /// <summary>Languages this challenge can be solved in, by language id (python, javascript, ...).</summary>
    public required IReadOnlyDictionary<string, LanguageCode> Languages { get; init; }
    /// <summary>The directory the challenge was read from.</summary>
    public required string Directory { get; init; }

    /// <summary>The spec's <c>starter_code</c> JSON: language → files.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<SourceFile>> StarterCode =>
        Languages.ToDictionary(p => p.Key, p => p.Value.Starter);

    /// <summary>The spec's <c>solution_code</c> JSON (never shown to learners).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<SourceFile>> SolutionCode =>
        Languages.ToDictionary(p => p.Key, p => p.Value.Solution);

    public string LevelName => Level.ToString().ToLowerInvariant();
    public string StackName => Stack.ToString().ToLowerInvariant();
}
