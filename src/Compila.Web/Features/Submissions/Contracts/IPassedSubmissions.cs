using Compila.Web.Features.Challenges.Contracts;

namespace Compila.Web.Features.Submissions.Contracts;

/// <summary>
/// Judged history for read models rebuilt from scratch (verified skills). Live updates come from
/// <see cref="ChallengePassed"/>; this is the same facts, read back from the submissions themselves.
/// </summary>
public interface IPassedSubmissions
{
    /// <summary>
    /// Passed submissions, oldest judgement first (ties by id), one page at a time. Stack, level and technologies
    /// are the challenge's current ones (an event carries them as they were at judging time).
    /// </summary>
    Task<IReadOnlyList<PassedSubmission>> PageAsync(int skip, int take, CancellationToken ct);
}

public sealed record PassedSubmission(
    Guid SubmissionId,
    Guid UserId,
    Guid ChallengeId,
    string ChallengeSlug,
    string Language,
    ChallengeStack Stack,
    ChallengeLevel Level,
    IReadOnlyList<string> Technologies,
    DateTimeOffset PassedAt);
