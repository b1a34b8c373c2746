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
        var counts = await db.Challenges.Where(c => c.Id == challengeId)
            .Select(c => new { c.AttemptedCount, c.CompletedCount }).SingleAsync(ct);
        decimal? rate = counts.AttemptedCount == 0 ? null : Math.Round((decimal)counts.CompletedCount * 100m / counts.AttemptedCount, 2);
        // Conditional on the counts read: if a concurrent result changed them, its own refresh sets the rate.
        await db.Challenges
            .Where(c => c.Id == challengeId && c.AttemptedCount == counts.AttemptedCount && c.CompletedCount == counts.CompletedCount)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.SuccessRate, rate), ct);
    }
}
