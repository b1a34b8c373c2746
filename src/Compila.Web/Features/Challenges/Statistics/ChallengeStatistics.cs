using Compila.Web.Features.Submissions.Contracts;
using Compila.Web.Infrastructure.Data;
using Compila.Web.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;

namespace Compila.Web.Features.Challenges.Statistics;

/// <summary>
/// attempted_count = learners with a judged submission, completed_count = learners who passed,
/// success_rate = completed / attempted in percent. Each judged submission updates the learner's row and
/// recounts with the challenge's row locked (SQLite transactions are exclusive), so concurrent results are
/// counted one after the other; the event's transaction makes a redelivery change nothing.
/// </summary>
internal sealed class ChallengeStatistics(CompilaDb db) : IEventHandler<SubmissionJudged>
{
    public async Task HandleAsync(SubmissionJudged judged, EventMetadata metadata, CancellationToken ct)
    {
        if (db is PostgresCompilaDb)
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM challenges WHERE id = {judged.ChallengeId} FOR UPDATE", ct);
        }

        var passed = judged.Status == "passed";
        var learners = db.Set<ChallengeLearner>();
        var row = await learners.SingleOrDefaultAsync(l => l.ChallengeId == judged.ChallengeId && l.UserId == judged.UserId, ct);
        if (row is null)
        {
            learners.Add(new ChallengeLearner { ChallengeId = judged.ChallengeId, UserId = judged.UserId, Passed = passed });
        }
        else
        {
            row.Passed |= passed;
        }

        await db.SaveChangesAsync(ct);
        var attempted = await learners.CountAsync(l => l.ChallengeId == judged.ChallengeId, ct);
        var completed = await learners.CountAsync(l => l.ChallengeId == judged.ChallengeId && l.Passed, ct);
        decimal? rate = attempted == 0 ? null : Math.Round((decimal)completed * 100m / attempted, 2);
        await db.Set<Challenge>().Where(c => c.Id == judged.ChallengeId).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.AttemptedCount, attempted)
            .SetProperty(c => c.CompletedCount, completed)
            .SetProperty(c => c.SuccessRate, rate), ct);
    }
}
