using Compila.Web.Features.Challenges;
using Compila.Web.Features.Submissions;
using Compila.Web.Features.Submissions.Judging;
using Compila.Web.Infrastructure.Configuration;
using Microsoft.EntityFrameworkCore;

namespace Compila.Web.Features.Gamification;

public static class GamificationServices
{
    public static void AddCompilaGamification(this WebApplicationBuilder builder, CompilaOptions options)
    {
        // Order matters: XP (and level) first, then streaks, level-up events and badges that read them.
        builder.Services.AddScoped<ISubmissionJudgedHandler, XpAward>();
        builder.Services.AddScoped<ISubmissionJudgedHandler, AchievementRecorder>();
        builder.Services.AddScoped<BadgeCatalog>();
        if (options.UsesRedis)
        {
            builder.Services.AddScoped<ILeaderboard, RedisLeaderboard>();
        }
        else
        {
            builder.Services.AddScoped<ILeaderboard, DatabaseLeaderboard>();
        }

        builder.Services.AddScoped<ISubmissionRecordedObserver, LeaderboardObserver>();
    }

    public static async Task ImportBadgesOnStartAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Compila.Content");
        try
        {
            var count = await scope.ServiceProvider.GetRequiredService<BadgeCatalog>().ImportAsync(CancellationToken.None);
            logger.LogInformation("Badge catalog imported: {Count} badges.", count);
        }
        catch (InvalidOperationException ex)
        {
            logger.LogError("Badge catalog NOT imported: {Error}", ex.Message);
        }
    }

    sealed class LeaderboardObserver(ILeaderboard leaderboard) : ISubmissionRecordedObserver
    {
        public Task OnRecordedAsync(Submission submission, Challenge challenge, CancellationToken ct) =>
            leaderboard.RecordAsync(submission.UserId, challenge.Stack, ct);
    }
}

/// <summary>The module's public events (level_up, badge), for the social feed.</summary>
public static class GamificationEvents
{
    public sealed record PublishedEvent(Guid Id, Guid UserId, string Type, string Payload, DateTimeOffset CreatedAt);

    /// <summary>Events after <paramref name="after"/> (an event id; ids are time-ordered UUIDv7), oldest first.</summary>
    public static async Task<IReadOnlyList<PublishedEvent>> ReadAsync(Infrastructure.Data.CompilaDb db, Guid? after, int limit, CancellationToken ct)
    {
        var query = db.Set<GamificationEvent>().AsNoTracking();
        if (after is { } id)
        {
            var since = await query.Where(e => e.Id == id).Select(e => (DateTimeOffset?)e.CreatedAt).SingleOrDefaultAsync(ct);
            if (since is { } s)
            {
                query = query.Where(e => e.CreatedAt >= s && e.Id != id);
            }
        }

        return await query.OrderBy(e => e.CreatedAt).ThenBy(e => e.Id).Take(limit)
            .Select(e => new PublishedEvent(e.Id, e.UserId, e.Type, e.Payload, e.CreatedAt)).ToListAsync(ct);
    }
}
