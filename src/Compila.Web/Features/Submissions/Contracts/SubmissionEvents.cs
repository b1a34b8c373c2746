using Compila.Web.Infrastructure.Events;

namespace Compila.Web.Features.Submissions.Contracts;

/// <summary>A submission's result was recorded (once per submission). Status is <c>passed</c>, <c>partial</c> or <c>failed</c>.</summary>
public sealed record SubmissionJudged(
    Guid SubmissionId,
    Guid UserId,
    Guid ChallengeId,
    string Language,
    string Status,
    int Score,
    int AttemptNumber,
    int XpGained,
    DateTimeOffset SubmittedAt,
    DateTimeOffset JudgedAt) : IPublishedEvent
{
    public static string Type => "submission_judged";
}

/// <summary>
/// A submission passed every test: the evidence verified skills are built from. Stack, level and technologies are
/// the challenge's at judging time. <paramref name="FirstPass"/> is true for the learner's first pass of the challenge.
/// </summary>
public sealed record ChallengePassed(
    Guid SubmissionId,
    Guid UserId,
    Guid ChallengeId,
    string ChallengeSlug,
    string Language,
    string Stack,
    string Level,
    IReadOnlyList<string> Technologies,
    bool FirstPass,
    DateTimeOffset PassedAt) : IPublishedEvent
{
    public static string Type => "challenge_passed";
}
