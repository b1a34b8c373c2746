using Compila.Web.Features.Challenges;
using Compila.Web.Infrastructure.Data;

namespace Compila.Web.Features.Submissions.Judging;

/// <summary>
/// Runs inside the transaction that records a submission's result, once per submission (the transaction
/// only commits for the delivery that moved the submission out of <c>pending</c>). Returns the XP gained.
/// </summary>
public interface ISubmissionJudgedHandler
{
    Task<int> OnJudgedAsync(CompilaDb db, Submission submission, Challenge challenge, CancellationToken ct);
}

/// <summary>Runs after a submission's result is committed (once per submission); failures are logged, never retried.</summary>
public interface ISubmissionRecordedObserver
{
    Task OnRecordedAsync(Submission submission, Challenge challenge, CancellationToken ct);
}
