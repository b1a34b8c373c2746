namespace Compila.Web.Features.Submissions.Queue;

/// <summary>
/// Thrown by a delivery handler that may not judge the job yet (its learner is at their sandbox cap or over their
/// budget). The queue puts the job back for later without counting a failed attempt and without holding a consumer.
/// </summary>
public sealed class JudgeDeferredException(TimeSpan retryAfter, bool learnerOverBudget)
    : Exception("Judging deferred: the learner's sandbox allowance is in use.")
{
    public TimeSpan RetryAfter { get; } = retryAfter;

    /// <summary>The learner's other queued jobs cannot run before <see cref="RetryAfter"/> either.</summary>
    public bool LearnerOverBudget { get; } = learnerOverBudget;
}
