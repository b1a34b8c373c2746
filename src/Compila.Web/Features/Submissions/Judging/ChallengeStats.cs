using Compila.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Compila.Web.Features.Submissions.Judging;

/// <summary>
/// attempted_count = learners with a judged submission, completed_count = learners who passed,
/// success_rate = completed / attempted in percent. Recounted in one statement after each result commits,
/// so concurrent results cannot lose an increment: the last statement to run sees every committed result.
/// </summary>
internal static class ChallengeStats
{
    public static async Task RefreshAsync(IServiceScopeFactory scopes, Guid challengeId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CompilaDb>();
        var submissions = db.Set<Submission>();
        await db.Challenges.Where(c => c.Id == challengeId).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.AttemptedCount, c => submissions
                .Where(x => x.ChallengeId == challengeId && x.Status != SubmissionStatus.Pending)
                .Select(x => x.UserId).Distinct().Count())
            .SetProperty(c => c.CompletedCount, c => submissions
                .Where(x => x.ChallengeId == challengeId && x.Status == SubmissionStatus.Passed)
                .Select(x => x.UserId).Distinct().Count()), ct);
        await db.Challenges.Where(c => c.Id == challengeId).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.SuccessRate, c => c.AttemptedCount == 0 ? null : (decimal?)Math.Round((decimal)c.CompletedCount * 100m / c.AttemptedCount, 2)), ct);
    }
}
