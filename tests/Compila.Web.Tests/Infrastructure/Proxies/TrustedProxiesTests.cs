using System.Net;
using Compila.Web.Tests.Infrastructure;

namespace Compila.Web.Tests.Infrastructure.Proxies;

/// <summary>Real Kestrel on loopback: anonymous rate limits per client behind a trusted proxy, and only then.</summary>
// Never reaches a provider-specific query: scripts/test.sh runs it on SQLite only.
[Trait("Database", "None")]
public sealed class TrustedProxiesTests
{
    static CompilaApp Start(string? trustedProxy)
    {
        var settings = new Dictionary<string, string?> { ["Compila:RateLimits:StandardPerMinute"] = "2" };
        if (trustedProxy is not null)
        {
            settings["Compila:TrustedProxies:0"] = trustedProxy;
        }

        var app = CompilaApp.With(settings);
        app.UseKestrel(0);
        app.StartServer();
        return app;
    }

    static async Task<HttpStatusCode> GetAsAsync(HttpClient client, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/users/ninguem");
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return (await client.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task BehindATrustedProxy_EachClientHasItsOwnAnonymousBudget()
    {
        using var app = Start("127.0.0.1");
        var client = app.CreateClient();

        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, await GetAsAsync(client, "203.0.113.7"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await GetAsAsync(client, "203.0.113.7"));
        Assert.Equal(HttpStatusCode.NotFound, await GetAsAsync(client, "198.51.100.20"));
    }

    [Fact]
    public async Task WithoutATrustedProxy_ForwardedForIsIgnored_SoNobodyPicksAFreshBudget()
    {
        using var app = Start(trustedProxy: null);
        var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, await GetAsAsync(client, "203.0.113.1"));
        Assert.Equal(HttpStatusCode.NotFound, await GetAsAsync(client, "203.0.113.2"));

        Assert.Equal(HttpStatusCode.TooManyRequests, await GetAsAsync(client, "203.0.113.3"));
    }

    [Fact]
    public async Task BehindATrustedProxy_OnlyTheHopItAddedCounts()
    {
        using var app = Start("127.0.0.0/8");
        var client = app.CreateClient();

        // A client that forges an earlier hop still lands on the address the proxy saw (the last entry).
        Assert.Equal(HttpStatusCode.NotFound, await GetAsAsync(client, "10.9.9.1, 203.0.113.9"));
        Assert.Equal(HttpStatusCode.NotFound, await GetAsAsync(client, "10.9.9.2, 203.0.113.9"));

        Assert.Equal(HttpStatusCode.TooManyRequests, await GetAsAsync(client, "10.9.9.3, 203.0.113.9"));
    }
}
