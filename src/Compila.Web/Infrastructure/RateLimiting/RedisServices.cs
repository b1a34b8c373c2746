using Compila.Web.Infrastructure.Configuration;
using Compila.Web.Infrastructure.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Compila.Web.Infrastructure.RateLimiting;

public static class RedisServices
{
    /// <summary>Redis when configured (shared counters across instances), memory otherwise.</summary>
    public static void AddCompilaCountersAndCache(this WebApplicationBuilder builder, CompilaOptions options)
    {
        builder.Services.AddOptions<RateLimitOptions>().Bind(builder.Configuration.GetSection(RateLimitOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddMemoryCache();
        if (options.UsesRedis)
        {
            var configuration = ConfigurationOptions.Parse(options.Redis!);
            configuration.AbortOnConnectFail = false;
            builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(configuration));
            builder.Services.AddSingleton<ICounterStore, RedisCounterStore>();
            builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: [HealthEndpoints.ReadyTag]);
        }
        else
        {
            builder.Services.AddSingleton<ICounterStore, InMemoryCounterStore>();
        }
    }

    public static void UseCompilaRateLimits(this WebApplication app) => app.UseMiddleware<RateLimitMiddleware>();
}

internal sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await redis.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy($"ping {latency.TotalMilliseconds:F1} ms");
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Redis não respondeu.");
        }
    }
}
