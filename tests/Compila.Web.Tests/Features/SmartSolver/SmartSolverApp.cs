using Compila.ChallengeSuites.Content;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Compila.Web.Tests.Features.Challenges;
using Compila.Web.Tests.Features.Submissions;
using Compila.Web.Tests.Infrastructure;

namespace Compila.Web.Tests.Features.SmartSolver;

/// <summary>Helpers shared by the Smart Solver tests: the catalog, submitting by slug, reading the stored feedback.</summary>
public static class SmartSolverApp
{
    public static readonly Dictionary<string, string?> NoRateLimits = new() { ["Compila:RateLimits:Enabled"] = "false" };

    public static ChallengeSuite Content(string slug) => CatalogFixture.Published.Single(c => c.Slug == slug);

    public static async Task<Guid> ChallengeIdAsync(HttpClient client, string slug)
    {
        var detail = await (await client.GetAsync($"/v1/challenges/{slug}")).ReadJsonAsync();
        return Guid.Parse(detail["id"]!.GetValue<string>());
    }

    public static async Task<JsonNode> SubmitAndWaitAsync(HttpClient client, string slug, string language, string code, int timeoutSeconds = 180)
    {
        var id = await ChallengeIdAsync(client, slug);
        var submissionId = await SubmissionScenario.SubmitAsync(client, id, language, code);
        return await SubmissionScenario.WaitJudgedAsync(client, submissionId, timeoutSeconds);
    }

    /// <summary>Every line of every reference solution of the challenge long enough to be telling.</summary>
    public static IEnumerable<string> SolutionLines(string slug, int minLength = 20) =>
        Content(slug).Languages.Values.SelectMany(l => l.Solution).SelectMany(f => f.Content.Split('\n'))
            .Select(l => l.Trim()).Where(l => l.Length >= minLength).Distinct();

    /// <summary>The first test the learner may see that did not pass, from the stored (redacted) results.</summary>
    public static string? FirstVisibleFailure(JsonNode submission) =>
        (submission["testResults"]!["tests"] as JsonArray)!
            .FirstOrDefault(t => t!["status"]!.GetValue<string>() != "pass" && !t["hidden"]!.GetValue<bool>())?["name"]!.GetValue<string>();

    public static int Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    public static async Task<TestUser> UserAsync(HttpClient client)
    {
        var user = await client.RegisterAsync();
        client.Authorized(user.AccessToken);
        return user;
    }

    public static Task<HttpResponseMessage> PostEmptyAsync(HttpClient client, string path) => client.PostAsJsonAsync(path, new { });
}
