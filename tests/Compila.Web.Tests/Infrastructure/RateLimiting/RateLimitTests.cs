using System.Net;
using System.Net.Http.Json;
using Compila.Web.Tests.Infrastructure;

namespace Compila.Web.Tests.Infrastructure.RateLimiting;

// Never reaches a provider-specific query: scripts/test.sh runs it on SQLite only.
[Trait("Database", "None")]
public sealed class RateLimitTests
{
    static Dictionary<string, string?> Limit(int perMinute, string? redis = null)
    {
        var settings = new Dictionary<string, string?> { ["Compila:RateLimits:StandardPerMinute"] = perMinute.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (redis is not null)
        {
            settings["Compila:Redis"] = redis;
        }

        return settings;
    }

    [Fact]
    public async Task OverTheLimit_Returns429WithRetryAfter()
    {
        using var app = CompilaApp.With(Limit(3));
        var client = app.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/v1/users/ninguem")).StatusCode);
        }

        var limited = await client.GetAsync("/v1/users/ninguem");

        var problem = await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        var retryAfter = int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Contains("3 requisições por minuto", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Budget_IsPerUserAndPerEndpoint()
    {
        using var app = CompilaApp.With(Limit(3));
        var alice = await app.CreateClient().RegisterAsync();
        var bob = await app.CreateClient().RegisterAsync();
        var aliceClient = app.CreateClient().Authorized(alice.AccessToken);
        var bobClient = app.CreateClient().Authorized(bob.AccessToken);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await aliceClient.GetAsync("/v1/me")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await aliceClient.GetAsync("/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bobClient.GetAsync("/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await aliceClient.GetAsync($"/v1/users/{bob.Username}")).StatusCode);
    }

    [Fact]
    public async Task HealthAndDocs_AreNotRateLimited()
    {
        using var app = CompilaApp.With(Limit(2));
        var client = app.CreateClient();

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        }
    }

    [Fact]
    public async Task TwoInstancesOnOneRedis_ShareOneBudget()
    {
        using var redis = new RedisServer();
        using var database = new TestDatabase();
        using var first = CompilaApp.With(Limit(4, redis.ConnectionString), database);
        using var second = CompilaApp.With(Limit(4, redis.ConnectionString), database);
        var user = await first.CreateClient().RegisterAsync();
        var viaFirst = first.CreateClient().Authorized(user.AccessToken);
        var viaSecond = second.CreateClient().Authorized(user.AccessToken);

        Assert.Equal(HttpStatusCode.OK, (await viaFirst.GetAsync("/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viaSecond.GetAsync("/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viaFirst.GetAsync("/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viaSecond.GetAsync("/v1/me")).StatusCode);

        var limited = await viaFirst.GetAsync("/v1/me");
        await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await viaSecond.GetAsync("/v1/me")).StatusCode);

        var ready = await second.CreateClient().GetAsync("/health/ready");
        Assert.Contains("\"redis\"", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutRedis_TwoInstancesKeepSeparateBudgets()
    {
        using var database = new TestDatabase();
        using var first = CompilaApp.With(Limit(2), database);
        using var second = CompilaApp.With(Limit(2), database);
        var user = await first.CreateClient().RegisterAsync();
        var viaFirst = first.CreateClient().Authorized(user.AccessToken);
        var viaSecond = second.CreateClient().Authorized(user.AccessToken);

        await viaFirst.GetAsync("/v1/me");
        await viaFirst.GetAsync("/v1/me");

        Assert.Equal(HttpStatusCode.TooManyRequests, (await viaFirst.GetAsync("/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viaSecond.GetAsync("/v1/me")).StatusCode);
    }

    [Fact]
    public async Task LoginLockout_IsSharedThroughRedis()
    {
        using var redis = new RedisServer();
        using var database = new TestDatabase();
        using var first = CompilaApp.With(Limit(100, redis.ConnectionString), database);
        using var second = CompilaApp.With(Limit(100, redis.ConnectionString), database);
        var user = await first.CreateClient().RegisterAsync();

        for (var i = 0; i < 5; i++)
        {
            await first.CreateClient().PostAsJsonAsync("/v1/auth/login", new { login = user.Username, password = $"errada-{i}-xyz" });
        }

        var viaSecond = await second.CreateClient().PostAsJsonAsync("/v1/auth/login", new { login = user.Username, password = user.Password });
        await viaSecond.AssertProblemAsync(HttpStatusCode.TooManyRequests);
    }
}
