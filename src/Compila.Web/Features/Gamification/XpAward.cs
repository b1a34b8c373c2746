using Compila.Web.Features.Challenges.Contracts;
using Compila.Web.Features.Gamification.Contracts;
using Compila.Web.Features.SmartSolver.Contracts;
using Compila.Web.Features.Submissions.Contracts;
using Compila.Web.Infrastructure.Data;
using Compila.Web.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;

namespace Compila.Web.Features.Gamification;

/// <summary>
/// XP rules: a challenge's xp_reward on its first pass only; a partial result earns its proportional share
/// once, topped up to the full reward on the pass. Runs inside the result's transaction with the user's row
/// locked, so concurrent results of one learner are counted one after the other. A learner who gave up the
/// challenge (and so saw its solution) earns no more XP for it.
/// </summary>
internal sealed class XpAward(CompilaDb db, IEventPublisher events, TimeProvider clock, ISolutionPolicy solutionPolicy)
{
    public async Task<int> AwardAsync(Users.User user, JudgedSubmission judged, CancellationToken ct)
    {
        var earlier = db.Submissions.Where(s => s.UserId == judged.UserId && s.ChallengeId == judged.ChallengeId && s.Id != judged.SubmissionId);
        var awarded = await earlier.SumAsync(s => s.XpGained, ct);
        var hadPartial = awarded > 0;
        var gain = judged.Passed ? Math.Max(0, judged.ChallengeXpReward - awarded)
            : !hadPartial ? judged.ChallengeXpReward * judged.Score / 100
            : 0;
        if (gain > 0 && await solutionPolicy.HasGivenUpAsync(db, judged.UserId, judged.ChallengeId, ct))
        {
            gain = 0;
        }

        var now = clock.GetUtcNow();
        user.Xp = Math.Max(0, user.Xp + gain);
        user.Level = Levels.ForXp(user.Xp);
        user.LastActiveAt = now;
        if (gain > 0)
        {
            events.Publish(new XpAwarded(user.Id, judged.SubmissionId, judged.ChallengeId, EnumLabels.ToLabel(judged.ChallengeStack), gain, user.Xp, now));
        }

        return gain;
    }
}

/// <summary>Gamification's side of judging: XP and level first, then the streak and badges that read them.</summary>
internal sealed class SubmissionRewards(CompilaDb db, XpAward xp, AchievementRecorder achievements) : ISubmissionRewards
{
    public async Task<int> RewardAsync(JudgedSubmission judged, CancellationToken ct)
    {
        var user = await db.Users.SingleAsync(u => u.Id == judged.UserId, ct);
        var levelBefore = user.Level;
        var gain = await xp.AwardAsync(user, judged, ct);
        await achievements.RecordAsync(user, levelBefore, judged, ct);
        return gain;
    }
}
