using Compila.ChallengeSuites.Content;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Compila.ChallengeSuites.Specs;
using Compila.Web.Tests.Features.Challenges;
using Compila.Web.Tests.Infrastructure;

namespace Compila.Web.Tests.Features.Submissions;

/// <summary>A real catalog challenge with solutions of known outcome, and helpers to submit and wait.</summary>
public static class SubmissionScenario
{
    /// <summary>A function-style challenge solvable in python and java, with at least three cases.</summary>
    public static ChallengeSuite Challenge { get; } = CatalogFixture.Published
        .Where(c => c.Tests is FunctionTestSpec { Cases.Count: >= 3 } && c.Languages.ContainsKey("python") && c.Languages.ContainsKey("java"))
        .OrderBy(c => c.Slug, StringComparer.Ordinal)
        .First();

    static FunctionTestSpec Spec => (FunctionTestSpec)Challenge.Tests;

    public static string PythonSolution => Challenge.Languages["python"].Solution[0].Content;

    public static string JavaSolution => Challenge.Languages["java"].Solution[0].Content;

    public static string PythonStarter => Challenge.Languages["python"].Starter[0].Content;

    /// <summary>The reference solution, broken after its first call in a process: the first case of each group passes.</summary>
    public static string PythonPartial => PythonSolution + $$"""


        _compila_calls = 0
        _compila_original = {{Spec.Signature.Name}}

        def {{Spec.Signature.Name}}(*args):
            global _compila_calls
            _compila_calls += 1
            if _compila_calls > 1:
                raise ValueError("quebrado de propósito")
            return _compila_original(*args)
        """;

    public static string PythonInfiniteLoop => $$"""
        def {{Spec.Signature.Name}}(*args):
            while True:
                pass
        """;

    public const string JavaCompileError = "public class Solution { this is not java }";

    public static int CaseCount => Spec.Cases.Count;

    /// <summary>How many processes the cases run in: visible and hidden ones apart.</summary>
    public static int CaseGroups => (Spec.Cases.Any(c => !c.Hidden) ? 1 : 0) + (Spec.Cases.Any(c => c.Hidden) ? 1 : 0);

    public static async Task<Guid> ChallengeIdAsync(HttpClient client)
    {
        var detail = await (await client.GetAsync($"/v1/challenges/{Challenge.Slug}")).ReadJsonAsync();
        return Guid.Parse(detail["id"]!.GetValue<string>());
    }

    public static async Task<Guid> SubmitAsync(HttpClient client, Guid challengeId, string language, string code)
    {
        var response = await client.PostAsJsonAsync($"/v1/challenges/{challengeId}/submit", new { language, code });
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return Guid.Parse((await response.ReadJsonAsync())["submissionId"]!.GetValue<string>());
    }

    /// <summary>Polls the submission until it leaves <c>pending</c>.</summary>
    public static async Task<JsonNode> WaitJudgedAsync(HttpClient client, Guid submissionId, int timeoutSeconds = 90)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (DateTime.UtcNow < deadline)
        {
            var response = await client.GetAsync($"/v1/submissions/{submissionId}");
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                await Task.Delay(TimeSpan.FromSeconds(int.Parse(response.Headers.GetValues("Retry-After").First(), System.Globalization.CultureInfo.InvariantCulture)));
                continue;
            }

            var body = await response.ReadJsonAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToJsonString());
            if (body["status"]!.GetValue<string>() != "pending")
            {
                return body;
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"submission {submissionId} still pending after {timeoutSeconds} s");
    }
}
