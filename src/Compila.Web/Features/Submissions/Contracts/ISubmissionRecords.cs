namespace Compila.Web.Features.Submissions.Contracts;

/// <summary>How other features read one learner's own judged submission (e.g. to turn a pass into a verified project).</summary>
public interface ISubmissionRecords
{
    /// <summary>The submission when it exists and belongs to <paramref name="userId"/>; null otherwise, so callers cannot tell the two apart.</summary>
    Task<SubmissionRecord?> FindOwnAsync(Guid userId, Guid submissionId, CancellationToken ct);
}

/// <summary>
/// A submission as the server judged it. <paramref name="Status"/> is <c>pending</c>, <c>passed</c>, <c>partial</c> or
/// <c>failed</c>; test counts are the judged run's (0 while pending).
/// </summary>
public sealed record SubmissionRecord(
    Guid Id,
    Guid UserId,
    Guid ChallengeId,
    string Language,
    string Status,
    int TestsPassed,
    int TestsTotal,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? JudgedAt,
    string Code);
