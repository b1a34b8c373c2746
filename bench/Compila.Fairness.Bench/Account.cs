using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Compila.Fairness.Bench;

/// <summary>A registered learner sending <c>POST /v1/code/execute</c>.</summary>
internal sealed class Account(HttpClient http, string baseUrl, string accessToken)
{
    public static async Task<Account> RegisterAsync(HttpClient http, string baseUrl, string username)
    {
        var response = await http.PostAsJsonAsync($"{baseUrl}/v1/auth/register", new { username, email = $"{username}@example.com", password = "Justica-Para-Todos-123" });
        response.EnsureSuccessStatusCode();
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return new Account(http, baseUrl, body["accessToken"]!.GetValue<string>());
    }

    /// <summary>One run: the status code, the Retry-After (if any) and the request's wall time.</summary>
    public async Task<(HttpStatusCode Status, TimeSpan? RetryAfter, TimeSpan Elapsed)> RunAsync(string code, double timeout, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{baseUrl}/v1/code/execute")
        {
            Content = JsonContent.Create(new { language = "python", code, timeout }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        var watch = Stopwatch.StartNew();
        using var response = await http.SendAsync(request, ct);
        await response.Content.ReadAsStringAsync(ct);
        return (response.StatusCode, response.Headers.RetryAfter?.Delta, watch.Elapsed);
    }
}
