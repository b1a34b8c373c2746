using Compila.Web.Features.Challenges.Contracts;
using Compila.Web.Features.Gamification.Contracts;
using Compila.Web.Features.Submissions;
using Compila.Web.Features.Submissions.Contracts;
using Compila.Web.Infrastructure.Data;
using Compila.Web.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;

namespace Compila.Web.Features.Gamification;

/// <summary>
/// Streaks, level-ups and badges after a judged submission. Runs after <see cref="XpAward"/> in the same
/// transaction, with the user's row locked, so every badge is awarded exactly once even under concurrency.
/// The current submission is already marked judged in memory but not yet saved, hence "earlier + this one".
/// </summary>
internal sealed class AchievementRecorder(CompilaDb db, IChallengeCatalog catalog, IEventPublisher events, TimeProvider clock)
{
    public async Task RecordAsync(Users.User user, int levelBefore, JudgedSubmission submission, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var earlier = db.Submissions.Where(s => s.UserId == user.Id && s.Id != submission.SubmissionId && s.Status != SubmissionStatus.Pending);

        var since = now.AddDays(-400);
        var days = await earlier.Where(s => s.SubmittedAt >= since).Select(s => s.SubmittedAt).ToListAsync(ct);
        days.Add(submission.SubmittedAt);
        var (current, best) = Streaks.Compute(days.Select(Streaks.DayOf));
        user.StreakCurrent = current;
        user.StreakBest = Math.Max(user.StreakBest, best);

        if (user.Level > levelBefore)
        {
            events.Publish(new LevelReached(user.Id, levelBefore, user.Level, Levels.BandOf(user.Level), user.Xp, now));
        }

        await AwardBadgesAsync(user, submission, current, now, ct);
    }

    async Task AwardBadgesAsync(Users.User user, JudgedSubmission submission, int streak, DateTimeOffset now, CancellationToken ct)
    {
        var badges = await db.Set<Badge>().AsNoTracking().ToListAsync(ct);
        if (badges.Count == 0)
        {
            return;
        }

        var owned = await db.Set<UserBadge>().Where(b => b.UserId == user.Id).ToDictionaryAsync(b => b.BadgeId, ct);
        var earlier = db.Submissions.Where(s => s.UserId == user.Id && s.Id != submission.SubmissionId && s.Status != SubmissionStatus.Pending);
        var passedIds = (await earlier.Where(s => s.Status == SubmissionStatus.Passed).Select(s => s.ChallengeId).Distinct().ToListAsync(ct)).ToHashSet();
        var passedNow = submission.Passed;
        if (passedNow)
        {
            passedIds.Add(submission.ChallengeId);
        }

        var judgedCount = await earlier.CountAsync(ct) + 1;
        var languagesHere = (await earlier.Where(s => s.ChallengeId == submission.ChallengeId && s.Status == SubmissionStatus.Passed)
            .Select(s => s.Language).Distinct().ToListAsync(ct)).ToHashSet();
        if (passedNow)
        {
            languagesHere.Add(submission.Language);
        }

        foreach (var badge in badges)
        {
            if (owned.TryGetValue(badge.Id, out var row) && row.EarnedAt is not null)
            {
                continue;
            }

            var rule = BadgeCatalog.ParseRule(badge.Rule);
            (int Current, int Target)? progress = rule.Kind switch
            {
                "submissions" => (judgedCount, rule.Count ?? 1),
                "passes" => (passedIds.Count, rule.Count ?? 1),
                "streak" => (streak, rule.Days ?? 7),
                "polyglot" => (languagesHere.Count, rule.Languages ?? 3),
                "first_try" => passedNow && submission.AttemptNumber == 1 ? (1, 1) : null,
                "stack_level" => await StackLevelProgressAsync(catalog, rule, passedIds, ct),
                "challenge" => await ChallengeBadgeProgressAsync(catalog, badge.Id, passedIds, ct),
                _ => null,
            };
            if (progress is not { } p || p.Target <= 0)
            {
                continue;
            }

            if (row is null && p.Current == 0)
            {
                continue;
            }

            if (row is null)
            {
                row = new UserBadge { UserId = user.Id, BadgeId = badge.Id };
                db.Set<UserBadge>().Add(row);
            }

            row.Progress = BadgeCount.Of(p.Current, p.Target).ToJson();
            if (p.Current >= p.Target)
            {
                row.EarnedAt = now;
                events.Publish(new BadgeEarned(user.Id, badge.Id, badge.Name, badge.Rarity, badge.IconUrl, now));
            }
        }
    }

    static async Task<(int, int)?> StackLevelProgressAsync(IChallengeCatalog catalog, BadgeRule rule, HashSet<Guid> passed, CancellationToken ct)
    {
        if (!EnumLabels.TryParse<Challenges.Contracts.ChallengeStack>(rule.Stack, out var stack) || !EnumLabels.TryParse<Challenges.Contracts.ChallengeLevel>(rule.Level, out var level))
        {
            return null;
        }

        var ids = await catalog.Published().Where(c => c.Stack == stack && c.Level == level).Select(c => c.Id).ToListAsync(ct);
        return ids.Count == 0 ? null : (ids.Count(passed.Contains), ids.Count);
    }

    static async Task<(int, int)?> ChallengeBadgeProgressAsync(IChallengeCatalog catalog, string badgeId, HashSet<Guid> passed, CancellationToken ct)
    {
        var ids = await catalog.Published().Where(c => c.Badges.Contains(badgeId)).Select(c => c.Id).ToListAsync(ct);
        return ids.Count == 0 ? null : (ids.Count(passed.Contains), ids.Count);
    }
}
