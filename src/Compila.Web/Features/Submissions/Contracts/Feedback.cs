using System.Text.Json.Serialization;

namespace Compila.Web.Features.Submissions.Contracts;

/// <summary>
/// The feedback pipeline's result for one submission, stored in <c>submissions.ai_feedback</c>, returned with the
/// submission and sent in <c>/v1/solve</c>'s <c>complete</c>. Its names are snake_case, as in the spec.
/// </summary>
/// <param name="Mode">The model that wrote <paramref name="Summary"/>, or <c>offline</c>.</param>
/// <param name="Notice">pt-BR notice shown with the feedback (e.g. over the daily AI quota); absent when there is none.</param>
public sealed record Feedback(
    IReadOnlyList<FeedbackIssue> Issues,
    IReadOnlyList<string> Strengths,
    [property: JsonPropertyName("overall_score")] int OverallScore,
    [property: JsonPropertyName("learning_points")] IReadOnlyList<string> LearningPoints,
    [property: JsonPropertyName("next_challenges")] IReadOnlyList<NextChallenge> NextChallenges,
    string? Summary,
    string Mode,
    FeedbackTests Tests,
    [property: JsonPropertyName("solution_available")] bool SolutionAvailable,
    [property: JsonPropertyName("tokens_used")] int TokensUsed,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Notice = null);

/// <summary>One issue in the spec's shape; pt-BR text.</summary>
/// <param name="Type"><c>error</c>, <c>warning</c> or <c>info</c>.</param>
/// <param name="Severity"><c>critical</c>, <c>high</c>, <c>medium</c> or <c>low</c>.</param>
public sealed record FeedbackIssue(string Type, string Severity, string Title, IssueLocation Location, string Description, string Suggestion);

/// <summary>Where an issue is: the learner's file and, when known, the line.</summary>
public sealed record IssueLocation(string File, int? Line);

public sealed record FeedbackTests(int Passed, int Total);

/// <summary>A challenge recommended after this one, with why (pt-BR).</summary>
public sealed record NextChallenge(Guid Id, string Slug, string Title, string Level, string Reason);
