using System.Security.Claims;
using Compila.Web.Features.Challenges.Contracts;
using Compila.Web.Features.Submissions;
using Compila.Web.Features.Users;
using Compila.Web.Infrastructure.Data;
using Compila.Web.Infrastructure.Errors;
using Compila.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Compila.Web.Features.Gamification;

public sealed record BadgeProgress(string Id, string Name, string? Description, string? Icon, string Rarity, string? Category, DateTimeOffset? EarnedAt, double Progress);

public sealed record SolvedCounts(int Total, IReadOnlyDictionary<string, int> ByStack, IReadOnlyDictionary<string, int> ByLevel, IReadOnlyDictionary<string, int> ByLanguage);

public sealed record ActivityDay(string Date, int Submissions, int Passes);

public sealed record ProgressResponse(
    int Xp,
    int Level,
    string LevelName,
    int LevelXp,
    int NextLevelXp,
    double ProgressToNext,
    int StreakCurrent,
    int StreakBest,
    IReadOnlyList<BadgeProgress> Badges,
    SolvedCounts Solved,
    IReadOnlyList<ActivityDay> Activity);

public static class GamificationApi
{
    public static void MapGamificationApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/me/progress", GetProgress).WithTags("Gamification").WithName("GetProgress").RequireAuthorization();
        app.MapGet("/v1/leaderboard", GetLeaderboard).WithTags("Gamification").WithName("GetLeaderboard").RequireAuthorization();
        app.MapGet("/v1/badges/{id}.svg", GetBadgeIcon).WithTags("Gamification").WithName("GetBadgeIcon").AllowAnonymous().ExcludeFromDescription();
    }

    internal static async Task<Results<Ok<ProgressResponse>, NotFound>> GetProgress(ClaimsPrincipal principal, CompilaDb db, TimeProvider clock, CancellationToken ct)
    {
        var userId = principal.CurrentUserId();
        var user = userId is null ? null : await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
        {
            return TypedResults.NotFound();
        }

        var now = clock.GetUtcNow();
        var today = Streaks.DayOf(now);
        var judged = await db.Submissions.AsNoTracking()
            .Where(s => s.UserId == user.Id && s.Status != SubmissionStatus.Pending)
            .Select(s => new { s.SubmittedAt, s.Status, s.ChallengeId, s.Language })
            .ToListAsync(ct);
        var latest = judged.Count == 0 ? (DateOnly?)null : judged.Max(s => Streaks.DayOf(s.SubmittedAt));

        var passed = judged.Where(s => s.Status == SubmissionStatus.Passed).ToList();
        var passedChallengeIds = passed.Select(s => s.ChallengeId).Distinct().ToList();
        var challenges = await db.Challenges.AsNoTracking().Where(c => passedChallengeIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Stack, c.Level }).ToListAsync(ct);
        var solved = new SolvedCounts(
            challenges.Count,
            challenges.GroupBy(c => EnumLabels.ToLabel(c.Stack)).ToDictionary(g => g.Key, g => g.Count()),
            challenges.GroupBy(c => EnumLabels.ToLabel(c.Level)).ToDictionary(g => g.Key, g => g.Count()),
            passed.GroupBy(s => s.Language).ToDictionary(g => g.Key, g => g.Select(s => s.ChallengeId).Distinct().Count()));

        var from = today.AddDays(-89);
        var activity = Enumerable.Range(0, 90).Select(i => from.AddDays(i)).Select(day =>
        {
            var ofDay = judged.Where(s => Streaks.DayOf(s.SubmittedAt) == day).ToList();
            return new ActivityDay(day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ofDay.Count, ofDay.Count(s => s.Status == SubmissionStatus.Passed));
        }).ToList();

        var owned = await db.Set<UserBadge>().AsNoTracking().Where(b => b.UserId == user.Id).ToDictionaryAsync(b => b.BadgeId, ct);
        var badges = (await db.Set<Badge>().AsNoTracking().OrderBy(b => b.Id).ToListAsync(ct)).Select(b =>
        {
            owned.TryGetValue(b.Id, out var mine);
            var fraction = mine?.EarnedAt is not null ? 1.0 : Fraction(mine?.Progress);
            return new BadgeProgress(b.Id, b.Name, b.Description, b.IconUrl, b.Rarity, b.Category, mine?.EarnedAt, fraction);
        }).OrderByDescending(b => b.EarnedAt is not null).ThenByDescending(b => b.Progress).ThenBy(b => b.Id, StringComparer.Ordinal).ToList();

        var levelXp = Levels.ThresholdFor(user.Level);
        var nextLevelXp = Levels.ThresholdFor(user.Level + 1);
        return TypedResults.Ok(new ProgressResponse(
            user.Xp, user.Level, Levels.BandOf(user.Level), levelXp, nextLevelXp,
            Math.Round((double)(user.Xp - levelXp) / (nextLevelXp - levelXp), 4),
            Streaks.CurrentAsOf(latest, user.StreakCurrent, today), user.StreakBest,
            badges, solved, activity));
    }

    internal static async Task<Results<Ok<LeaderboardPage>, ValidationProblem>> GetLeaderboard(
        ClaimsPrincipal principal, ILeaderboard leaderboard, CancellationToken ct,
        string period = "weekly", string? stack = null, int page = 1, int size = 20)
    {
        var errors = new ValidationErrors();
        if (!EnumLabels.TryParse<LeaderboardPeriod>(period, out var parsedPeriod))
        {
            errors.Add("period", "Período desconhecido. Use: weekly, monthly, all_time.");
        }

        Challenges.Contracts.ChallengeStack parsedStack = default;
        if (stack is not null && !EnumLabels.TryParse(stack, out parsedStack))
        {
            errors.Add("stack", $"Stack desconhecida. Use: {string.Join(", ", EnumLabels.Labels<Challenges.Contracts.ChallengeStack>())}.");
        }

        errors.CheckPaging(page, size);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        return TypedResults.Ok(await leaderboard.GetAsync(parsedPeriod, stack is null ? null : parsedStack, page, size, principal.CurrentUserId(), ct));
    }

    internal static IResult GetBadgeIcon(string id, BadgeCatalog catalog)
    {
        if (!System.Text.RegularExpressions.Regex.IsMatch(id, "^[a-z0-9-]{1,100}$"))
        {
            return TypedResults.NotFound();
        }

        var path = Path.Combine(catalog.BadgesDirectory, "icons", id + ".svg");
        return File.Exists(path)
            ? TypedResults.PhysicalFile(path, "image/svg+xml")
            : TypedResults.NotFound();
    }

    static double Fraction(string? progress) => progress is null ? 0 : BadgeCount.FromJson(progress)?.Fraction ?? 0;
}
