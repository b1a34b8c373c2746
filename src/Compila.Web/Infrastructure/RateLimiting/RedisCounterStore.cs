using StackExchange.Redis;

namespace Compila.Web.Infrastructure.RateLimiting;

internal sealed class RedisCounterStore(IConnectionMultiplexer redis) : ICounterStore
{
    // One round trip, atomic: increment, open the window on the first hit, report what is left of it.
    const string IncrementScript = """
        local count = redis.call('INCRBY', KEYS[1], ARGV[2])
        if count == tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        local ttl = redis.call('PTTL', KEYS[1])
        if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
        return { count, ttl }
        """;

    const string Prefix = "compila:counter:";

    public Task<WindowCount> IncrementAsync(string key, TimeSpan window, CancellationToken ct = default) => AddAsync(key, 1, window, ct);

    public async Task<WindowCount> AddAsync(string key, long amount, TimeSpan window, CancellationToken ct = default)
    {
        var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(
            IncrementScript, [Prefix + key], [(long)window.TotalMilliseconds, amount]))!;
        return new WindowCount((long)result[0], TimeSpan.FromMilliseconds((long)result[1]));
    }

    public async Task<WindowCount> PeekAsync(string key, CancellationToken ct = default)
    {
        var db = redis.GetDatabase();
        var value = await db.StringGetAsync(Prefix + key);
        if (!value.HasValue)
        {
            return new WindowCount(0, TimeSpan.Zero);
        }

        var ttl = await db.KeyTimeToLiveAsync(Prefix + key);
        return new WindowCount((long)value, ttl ?? TimeSpan.Zero);
    }

    public Task ResetAsync(string key, CancellationToken ct = default) => redis.GetDatabase().KeyDeleteAsync(Prefix + key);
}
