using Compila.Web.Features.Challenges.Contracts;
using Compila.Web.Features.Users.Contracts;
using Compila.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace Compila.Web.Features.Gamification;

/// <summary>
/// Leaderboards in Redis sorted sets (member = user id, score = XP in the period). The database stays the
/// source of truth: after each result the user's totals are recomputed and written with ZADD (idempotent,
/// so retries and redeliveries cannot double-count), and a missing key is rebuilt from the database.
/// </summary>
internal sealed class RedisLeaderboard(IConnectionMultiplexer redis, CompilaDb db, IUserDirectory directory, TimeProvider clock) : ILeaderboard
{
    static readonly TimeSpan KeyLifetime = TimeSpan.FromDays(70);

    public async Task<LeaderboardPage> GetAsync(LeaderboardPeriod period, Challenges.Contracts.ChallengeStack? stack, int page, int size, Guid? viewer, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var key = Key(period, stack, now);
        var redisDb = redis.GetDatabase();
        if (!await redisDb.KeyExistsAsync(key))
        {
            await RebuildAsync(key, period, stack, now, ct);
        }

        var all = await redisDb.SortedSetRangeByRankWithScoresAsync(key, 0, -1, Order.Descending);
        var totals = all.Where(e => e.Score > 0).Select(e => new UserXp(Guid.Parse(e.Element.ToString()), (int)e.Score)).ToList();
        return await LeaderboardPages.BuildAsync(db, directory, period, stack, totals, page, size, viewer, ct);
    }

    public async Task RecordAsync(Guid userId, Challenges.Contracts.ChallengeStack stack, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var redisDb = redis.GetDatabase();
        foreach (var period in Enum.GetValues<LeaderboardPeriod>())
        {
            foreach (var scope in new Challenges.Contracts.ChallengeStack?[] { null, stack })
            {
                var xp = await LeaderboardPeriods.Totals(db, period, scope, now, userId).Select(t => t.Xp).SingleOrDefaultAsync(ct);
                var key = Key(period, scope, now);
                await redisDb.SortedSetAddAsync(key, userId.ToString(), xp);
                await redisDb.KeyExpireAsync(key, KeyLifetime);
            }
        }
    }

    async Task RebuildAsync(RedisKey key, LeaderboardPeriod period, Challenges.Contracts.ChallengeStack? stack, DateTimeOffset now, CancellationToken ct)
    {
        var totals = await LeaderboardPeriods.Totals(db, period, stack, now).ToListAsync(ct);
        var redisDb = redis.GetDatabase();
        if (totals.Count > 0)
        {
            await redisDb.SortedSetAddAsync(key, totals.Select(t => new SortedSetEntry(t.UserId.ToString(), t.Xp)).ToArray());
            await redisDb.KeyExpireAsync(key, KeyLifetime);
        }
    }

    static RedisKey Key(LeaderboardPeriod period, Challenges.Contracts.ChallengeStack? stack, DateTimeOffset now) =>
        $"compila:leaderboard:{LeaderboardPeriods.KeyOf(period, now)}:{(stack is { } s ? EnumLabels.ToLabel(s) : "all")}";
}
