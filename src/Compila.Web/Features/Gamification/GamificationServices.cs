using Compila.Web.Features.Challenges;
using Compila.Web.Features.Challenges.Contracts;
using Compila.Web.Features.Gamification.Contracts;
using Compila.Web.Features.Submissions.Contracts;
using Compila.Web.Infrastructure.Configuration;
using Compila.Web.Infrastructure.Data;
using Compila.Web.Infrastructure.Events;

namespace Compila.Web.Features.Gamification;

public static class GamificationServices
{
    public static void AddCompilaGamification(this WebApplicationBuilder builder, CompilaOptions options)
    {
        builder.Services.AddScoped<XpAward>();
        builder.Services.AddScoped<AchievementRecorder>();
        builder.Services.AddScoped<ISubmissionRewards, SubmissionRewards>();
        builder.Services.AddScoped<BadgeCatalog>();
        builder.Services.AddScoped<IUserBadges, UserBadges>();
        if (options.UsesRedis)
        {
            builder.Services.AddScoped<ILeaderboard, RedisLeaderboard>();
        }
        else
        {
            builder.Services.AddScoped<ILeaderboard, DatabaseLeaderboard>();
        }

        builder.Services.AddEventHandler<XpAwarded, LeaderboardStanding>("gamification.leaderboard");
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

    /// <summary>Brings the learner's standing up to date; recomputed from their XP, so a redelivery changes nothing.</summary>
    sealed class LeaderboardStanding(ILeaderboard leaderboard) : IEventHandler<XpAwarded>
    {
        public Task HandleAsync(XpAwarded published, EventMetadata metadata, CancellationToken ct) =>
            EnumLabels.TryParse<ChallengeStack>(published.Stack, out var stack)
                ? leaderboard.RecordAsync(published.UserId, stack, ct)
                : Task.CompletedTask;
    }
}
