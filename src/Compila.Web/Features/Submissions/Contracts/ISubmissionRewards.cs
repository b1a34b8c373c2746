using Compila.Web.Features.Challenges;
using Compila.Web.Features.Challenges.Contracts;

namespace Compila.Web.Features.Submissions.Contracts;

/// <summary>
/// What a judged submission earns (XP, level, streak, badges), decided inside the transaction that records the
/// result, with the learner's row locked: the learner sees the reward in the same moment as the verdict, and it is
/// counted exactly once however often the job is delivered. The implementation works on the scoped
/// <c>CompilaDb</c> (the same unit of work) and publishes what it awarded as events; everything that reacts after
/// the commit subscribes to those events.
/// </summary>
public interface ISubmissionRewards
{
    /// <returns>The XP the submission gained.</returns>
    Task<int> RewardAsync(JudgedSubmission judged, CancellationToken ct);
}

/// <summary>The facts a reward is decided on: the result being recorded and its challenge.</summary>
public sealed record JudgedSubmission(
    Guid SubmissionId,
    Guid UserId,
    Guid ChallengeId,
    string Language,
    bool Passed,
    int Score,
    int AttemptNumber,
    DateTimeOffset SubmittedAt,
    int ChallengeXpReward,
    ChallengeStack ChallengeStack);
