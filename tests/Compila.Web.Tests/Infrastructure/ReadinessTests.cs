using System.Net;

namespace Compila.Web.Tests.Infrastructure;

public sealed class ReadinessTests
{
    [Fact]
    public async Task Ready_WhenALanguageIsUnavailable_IsDegraded_AndNamesItWithTheReason()
    {
        using var app = CompilaApp.With(new() { ["Compila:Judge:Languages:go:Enabled"] = "false" });

        var response = await app.CreateClient().GetAsync("/health/ready");
        var judge = (await response.ReadJsonAsync())["checks"]!["judge"]!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("degraded", judge["status"]!.GetValue<string>());
        Assert.Contains("unavailable: go (Disabled by configuration.)", judge["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
