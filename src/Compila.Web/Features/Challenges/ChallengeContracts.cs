using System.Text.Json.Nodes;

namespace Compila.Web.Features.Challenges;

public sealed record ChallengeSummary(
    Guid Id,
    string Slug,
    string Title,
    string? ShortDescription,
    string Stack,
    string Level,
    int Difficulty,
    IReadOnlyList<string> Technologies,
    IReadOnlyList<string> Tags,
    int XpReward,
    int? EstimatedTimeMinutes,
    int CompletedCount,
    int AttemptedCount,
    decimal? SuccessRate,
    IReadOnlyList<string> Languages,
    DateTimeOffset? PublishedAt);

/// <summary>A source file as learners see it.</summary>
public sealed record CodeFile(string Path, string Content);

/// <summary>A visible example case: function arguments and the expected value, or stdin and expected stdout.</summary>
public sealed record ChallengeExample(string Name, JsonNode? Args, JsonNode? Expected, string? Stdin, string? ExpectedStdout);

/// <summary>
/// A challenge as learners read it. <c>TestFiles</c> is always empty since the native test kind was removed
/// (docs/ARCHITECTURE.md); it stays in the contract until a migration drops its column.
/// </summary>
public sealed record ChallengeDetail(
    Guid Id,
    string Slug,
    string Title,
    string? ShortDescription,
    string Description,
    string Stack,
    string Level,
    int Difficulty,
    IReadOnlyList<string> Technologies,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Requirements,
    IReadOnlyDictionary<string, IReadOnlyList<CodeFile>> StarterCode,
    IReadOnlyList<ChallengeExample> Examples,
    IReadOnlyDictionary<string, IReadOnlyList<CodeFile>> TestFiles,
    int XpReward,
    int? EstimatedTimeMinutes,
    IReadOnlyList<string> Badges,
    int CompletedCount,
    int AttemptedCount,
    decimal? SuccessRate,
    IReadOnlyList<string> Languages,
    DateTimeOffset? PublishedAt);
