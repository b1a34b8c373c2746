using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Compila.Web.Tests.Infrastructure;

public sealed record TestUser(string Username, string Email, string Password, string AccessToken, string RefreshToken, Guid Id);

public static class ApiClient
{
    public const string StrongPassword = "Cafezinho-Com-Pao-De-Queijo-42";

    static int counter;

    public static string UniqueName(string prefix = "dev") =>
        $"{prefix}{Interlocked.Increment(ref counter)}_{Guid.NewGuid().ToString("N")[..6]}";

    public static async Task<TestUser> RegisterAsync(this HttpClient client, string? username = null, string? password = null)
    {
        username ??= UniqueName();
        password ??= StrongPassword;
        var email = $"{username}@example.com";
        var response = await client.PostAsJsonAsync("/v1/auth/register", new { username, email, password });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadJsonAsync();
        return new TestUser(
            username, email, password,
            body["accessToken"]!.GetValue<string>(),
            body["refreshToken"]!.GetValue<string>(),
            Guid.Parse(body["user"]!["id"]!.GetValue<string>()));
    }

    public static HttpClient Authorized(this HttpClient client, string accessToken)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    public static async Task<JsonNode> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text) ?? throw new JsonException("empty body");
    }

    /// <summary>Asserts an RFC 7807 problem document with the given status, and returns it.</summary>
    public static async Task<JsonNode> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!;
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(problem["title"]?.GetValue<string>()));
        Assert.NotNull(problem["requestId"]);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        return problem;
    }
}
