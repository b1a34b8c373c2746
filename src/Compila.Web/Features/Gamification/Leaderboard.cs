using Compila.Web.Features.Challenges.Contracts;
using Compila.Web.Features.Submissions;
using Compila.Web.Features.Users.Contracts;
using Compila.Web.Infrastructure.Data;
using Compila.Web.Infrastructure.Paging;
using Microsoft.EntityFrameworkCore;

namespace Compila.Web.Features.Gamification;

public enum LeaderboardPeriod
{
    Weekly,
    Monthly,
    AllTime,
}

public sealed record LeaderboardEntry(int Rank, string Username, string? FullName, string? AvatarUrl, int Xp, int Level);

public sealed record LeaderboardRank(int Rank, int Xp);

public sealed record LeaderboardPage(string Period, string? Stack, IReadOnlyList<LeaderboardEntry> Items, int Page, int Size, int Total, LeaderboardRank? Me);

/// <summary>
/// XP earned in a period (weeks start Monday 00:00, months on the 1st, São Paulo time), optionally in one stack.
/// Ties share a rank (1, 1, 3) and are listed by username. The database answers by default; Redis sorted sets
/// when configured.
/// </summary>
public interface ILeaderboard
{
    Task<LeaderboardPage> GetAsync(LeaderboardPeriod period, Challenges.Contracts.ChallengeStack? stack, int page, int size, Guid? viewer, CancellationToken ct);

    /// <summary>Called after a result is committed, to bring the user's standing up to date.</summary>
    Task RecordAsync(Guid userId, Challenges.Contracts.ChallengeStack stack, CancellationToken ct);
}

internal static class LeaderboardPeriods
{
    public static DateTimeOffset? StartOf(LeaderboardPeriod period, DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, Streaks.SaoPaulo);
        var start = period switch
        {
            LeaderboardPeriod.Weekly => local.Date.AddDays(-(((int)local.DayOfWeek + 6) % 7)),
            LeaderboardPeriod.Monthly => new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified),
            _ => (DateTime?)null,
        };
        // PostgreSQL takes only UTC instants.
        return start is { } s ? new DateTimeOffset(s, Streaks.SaoPaulo.GetUtcOffset(s)).ToUniversalTime() : null;
    }

    public static string KeyOf(LeaderboardPeriod period, DateTimeOffset now) =>
        StartOf(period, now) is { } start ? $"{EnumLabels.ToLabel(period)}:{start:yyyy-MM-dd}" : "all_time";

    /// <summary>XP per user in the period (and stack), from the submissions that earned it.</summary>
    public static IQueryable<UserXp> Totals(CompilaDb db, LeaderboardPeriod period, Challenges.Contracts.ChallengeStack? stack, DateTimeOffset now, Guid? onlyUser = null)
    {
        var start = StartOf(period, now);
        var earning = db.Submissions.Where(s => s.XpGained > 0 && s.JudgedAt != null);
        if (start is { } from)
        {
            earning = earning.Where(s => s.JudgedAt >= from);
        }

        if (onlyUser is { } user)
        {
            earning = earning.Where(s => s.UserId == user);
        }

        if (stack is { } st)
        {
            earning = earning.Join(db.Challenges.Where(c => c.Stack == st), s => s.ChallengeId, c => c.Id, (s, c) => s);
        }

        return earning.GroupBy(s => s.UserId).Select(g => new UserXp(g.Key, g.Sum(s => s.XpGained)));
    }
}

internal sealed record UserXp(Guid UserId, int Xp);

internal sealed class DatabaseLeaderboard(CompilaDb db, IUserDirectory directory, TimeProvider clock) : ILeaderboard
{
    public async Task<LeaderboardPage> GetAsync(LeaderboardPeriod period, Challenges.Contracts.ChallengeStack? stack, int page, int size, Guid? viewer, CancellationToken ct)
    {
        var totals = await LeaderboardPeriods.Totals(db, period, stack, clock.GetUtcNow()).ToListAsync(ct);
        return await LeaderboardPages.BuildAsync(db, directory, period, stack, totals, page, size, viewer, ct);
    }

    public Task RecordAsync(Guid userId, Challenges.Contracts.ChallengeStack stack, CancellationToken ct) => Task.CompletedTask;
}

internal static class LeaderboardPages
{
    /// <summary>Only public profiles are ranked: a private or link-only learner is absent for everyone, themselves included.</summary>
    public static async Task<LeaderboardPage> BuildAsync(
        CompilaDb db, IUserDirectory directory, LeaderboardPeriod period, Challenges.Contracts.ChallengeStack? stack, IReadOnlyList<UserXp> totals, int page, int size, Guid? viewer, CancellationToken ct)
    {
        var ids = totals.Select(t => t.UserId).ToList();
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && directory.PublicUserIds().Contains(u.Id))
            .Select(u => new { u.Id, u.Username, u.FullName, u.AvatarUrl, u.Level }).ToDictionaryAsync(u => u.Id, ct);
        var ordered = totals.Where(t => users.ContainsKey(t.UserId))
            .OrderByDescending(t => t.Xp).ThenBy(t => users[t.UserId].Username, StringComparer.Ordinal).ToList();

        var ranks = new Dictionary<Guid, int>();
        for (var i = 0; i < ordered.Count; i++)
        {
            ranks[ordered[i].UserId] = i > 0 && ordered[i].Xp == ordered[i - 1].Xp ? ranks[ordered[i - 1].UserId] : i + 1;
        }

        var items = ordered.TakePage(page, size).Select(t =>
        {
            var u = users[t.UserId];
            return new LeaderboardEntry(ranks[t.UserId], u.Username, u.FullName, u.AvatarUrl, t.Xp, u.Level);
        }).ToList();
        LeaderboardRank? mine = viewer is { } id && ranks.TryGetValue(id, out var rank) ? new LeaderboardRank(rank, ordered.First(t => t.UserId == id).Xp) : null;
        return new LeaderboardPage(EnumLabels.ToLabel(period), stack is { } s ? EnumLabels.ToLabel(s) : null, items, page, size, ordered.Count, mine);
    }
}
