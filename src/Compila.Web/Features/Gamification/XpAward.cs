using Compila.Web.Features.Challenges;
using Compila.Web.Features.Submissions;
using Compila.Web.Features.Submissions.Judging;
using Compila.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Compila.Web.Features.Gamification;

/// <summary>
/// XP rules: a challenge's xp_reward on its first pass only; a partial result earns its proportional share
/// once, topped up to the full reward on the pass. Runs inside the result's transaction with the user's row
/// locked, so concurrent results of one learner are counted one after the other. A learner who gave up the
/// challenge (and so saw its solution) earns no more XP for it.
/// </summary>
internal sealed class XpAward(TimeProvider clock, SmartSolver.ISolutionPolicy solutionPolicy) : ISubmissionJudgedHandler
{
    public async Task<int> OnJudgedAsync(CompilaDb db, Submission submission, Challenge challenge, CancellationToken ct)
    {
        var earlier = db.Submissions.Where(s => s.UserId == submission.UserId && s.ChallengeId == submission.ChallengeId && s.Id != submission.Id);
        var awarded = await earlier.SumAsync(s => s.XpGained, ct);
        var hadPartial = awarded > 0;
        var gain = submission.Status switch
        {
            SubmissionStatus.Passed => Math.Max(0, challenge.XpReward - awarded),
            SubmissionStatus.Partial when !hadPartial => challenge.XpReward * (submission.Score ?? 0) / 100,
            _ => 0,
        };
        if (gain > 0 && await solutionPolicy.HasGivenUpAsync(db, submission.UserId, submission.ChallengeId, ct))
        {
            gain = 0;
        }

        var user = await db.Users.SingleAsync(u => u.Id == submission.UserId, ct);
        user.Xp = Math.Max(0, user.Xp + gain);
        user.Level = Levels.ForXp(user.Xp);
        user.LastActiveAt = clock.GetUtcNow();
        return gain;
    }
}

