using System.Net;
using Compila.Web.Tests.Infrastructure;

namespace Compila.Web.Tests.Infrastructure;

public sealed class PlatformTests(CompilaApp app) : IClassFixture<CompilaApp>
{
    [Fact]
    public async Task HealthLive_AndReady_ReportTheDatabase()
    {
        var client = app.CreateClient();

        var live = await client.GetAsync("/health/live");
        var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var body = await ready.ReadJsonAsync();
        Assert.Equal("healthy", body["status"]!.GetValue<string>());
        Assert.Equal("healthy", body["checks"]!["database"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheAuthEndpoints()
    {
        var response = await app.CreateClient().GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.ReadJsonAsync();
        var paths = document["paths"]!.AsObject();
        Assert.Contains("/v1/auth/register", paths.Select(p => p.Key));
        Assert.Contains("/v1/auth/login", paths.Select(p => p.Key));
        Assert.Contains("/v1/auth/refresh", paths.Select(p => p.Key));
        Assert.Contains("/v1/me", paths.Select(p => p.Key));
        Assert.NotNull(document["components"]!["securitySchemes"]!["Bearer"]);
    }

    [Fact]
    public async Task InteractiveDocs_AreServedWithoutACdn()
    {
        var response = await app.CreateClient().GetAsync("/docs/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("openapi/v1.json", html, StringComparison.Ordinal);
        Assert.DoesNotContain("cdn.jsdelivr.net", html, StringComparison.Ordinal);
        var script = await app.CreateClient().GetAsync("/docs/scalar.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    [Fact]
    public async Task SigningKey_IsPersistedInTheDataFolder_AndNotWorldReadable()
    {
        await app.CreateClient().GetAsync("/.well-known/jwks.json");

        var path = Path.Combine(app.Database.DataDir, "keys", "jwt-es256.pem");
        Assert.True(File.Exists(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }
}
