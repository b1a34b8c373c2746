using System.Net;
using System.Net.Http.Headers;
using Compila.Web.Tests.Features.Submissions;

namespace Compila.Web.Tests.Infrastructure.Telemetry;

public sealed class MetricsEndpointTests
{
    const string Token = "scrape-token-for-tests";

    [Fact]
    public async Task Metrics_WithoutAConfiguredToken_IsNotServed()
    {
        using var app = new CompilaApp();

        var response = await app.CreateClient().GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Metrics_WithoutOrWithAWrongToken_Is401()
    {
        using var app = CompilaApp.With(new() { ["Compila:Metrics:Token"] = Token });
        var client = app.CreateClient();

        var anonymous = await client.GetAsync("/metrics");
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "nope") } };
        var wrongToken = await client.SendAsync(wrong);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongToken.StatusCode);
    }

    [Fact]
    public async Task Metrics_WithTheToken_HoldTheSubmissionCounterAndTheHttpServerMetrics_WithTheCommonTags()
    {
        using var app = CompilaApp.With(new() { ["Compila:Metrics:Token"] = Token, ["Compila:Telemetry:Environment"] = "ci" });
        var client = app.CreateClient();
        var user = await client.RegisterAsync();
        client.Authorized(user.AccessToken);
        var challengeId = await SubmissionScenario.ChallengeIdAsync(client);
        await SubmissionScenario.WaitJudgedAsync(client, await SubmissionScenario.SubmitAsync(client, challengeId, "python", SubmissionScenario.PythonSolution));

        using var scrape = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", Token) } };
        var response = await client.SendAsync(scrape);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var submissions = text.Split('\n').Where(l => l.StartsWith("submissions_total{", StringComparison.Ordinal)).ToList();
        Assert.Contains(submissions, l => l.Contains("status=\"passed\"") && l.Contains("language=\"python\"")
            && l.Contains("application=\"compila\"") && l.Contains("environment=\"ci\""));
        Assert.Contains(text.Split('\n'), l => l.StartsWith("http_server_request_duration_seconds_count{", StringComparison.Ordinal) && l.Contains("environment=\"ci\""));
        Assert.Contains("judge_duration_seconds_bucket{", text);
        Assert.Contains("queue_depth{", text);
    }
}
