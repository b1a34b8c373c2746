using System.Net;
using System.Net.Http.Json;
using Compila.Web.Tests.Infrastructure;

namespace Compila.Web.Tests.Features.Auth;

public sealed class RegisterTests(CompilaApp app) : IClassFixture<CompilaApp>
{
    [Fact]
    public async Task Register_WithValidData_Returns201WithTokensAndProfile()
    {
        var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/v1/auth/register", new
        {
            username = "Joana_Dev",
            email = "  Joana.Silva@Example.COM ",
            password = ApiClient.StrongPassword,
            fullName = "Joana Silva",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal(900, body["expiresIn"]!.GetValue<int>());
        Assert.Equal(3, body["accessToken"]!.GetValue<string>().Split('.').Length);
        Assert.True(body["refreshToken"]!.GetValue<string>().Length >= 40);
        var user = body["user"]!;
        Assert.Equal("joana_dev", user["username"]!.GetValue<string>());
        Assert.Equal("joana.silva@example.com", user["email"]!.GetValue<string>());
        Assert.Equal("Joana Silva", user["fullName"]!.GetValue<string>());
        Assert.Equal(1, user["level"]!.GetValue<int>());
        Assert.Equal(0, user["xp"]!.GetValue<int>());
        Assert.Equal("free", user["subscriptionPlan"]!.GetValue<string>());
        Assert.Equal("user", user["roles"]![0]!.GetValue<string>());
        Assert.DoesNotContain("password", body.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("ab", "username")]
    [InlineData("nome com espaço", "username")]
    [InlineData("çedilha", "username")]
    [InlineData("admin", "username")]
    [InlineData("projects", "username")]
    [InlineData("verifications", "username")]
    [InlineData("a234567890123456789012345678901", "username")]
    public async Task Register_WithInvalidUsername_Returns400ForThatField(string username, string field)
    {
        var response = await app.CreateClient().PostAsJsonAsync("/v1/auth/register",
            new { username, email = ApiClient.UniqueName() + "@example.com", password = ApiClient.StrongPassword });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]![field]);
    }

    [Theory]
    [InlineData("curta1", "pelo menos 8")]
    [InlineData("senha123", "muito comum")]
    [InlineData("12345678", "muito comum")]
    [InlineData("Password1", "muito comum")]
    public async Task Register_WithWeakPassword_ExplainsInPortuguese(string password, string message)
    {
        var response = await app.CreateClient().PostAsJsonAsync("/v1/auth/register",
            new { username = ApiClient.UniqueName(), email = ApiClient.UniqueName() + "@example.com", password });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(message, problem["errors"]!["password"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_WithPasswordEqualToUsernameOrEmail_Returns400()
    {
        var username = ApiClient.UniqueName("lucas");
        var email = $"{username}@example.com";
        var client = app.CreateClient();

        var sameAsUsername = await client.PostAsJsonAsync("/v1/auth/register", new { username, email, password = username });
        var sameAsEmail = await client.PostAsJsonAsync("/v1/auth/register", new { username, email, password = email });

        var first = await sameAsUsername.AssertProblemAsync(HttpStatusCode.BadRequest);
        var second = await sameAsEmail.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(first["errors"]!["password"]);
        Assert.NotNull(second["errors"]!["password"]);
    }

    [Fact]
    public async Task Register_WhenUsernameTakenIgnoringCase_Returns409()
    {
        var client = app.CreateClient();
        var existing = await client.RegisterAsync();

        var response = await client.PostAsJsonAsync("/v1/auth/register", new
        {
            username = existing.Username.ToUpperInvariant(),
            email = ApiClient.UniqueName() + "@example.com",
            password = ApiClient.StrongPassword,
        });

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.NotNull(problem["errors"]!["username"]);
    }

    [Fact]
    public async Task Register_WhenEmailTakenIgnoringCase_Returns409()
    {
        var client = app.CreateClient();
        var existing = await client.RegisterAsync();

        var response = await client.PostAsJsonAsync("/v1/auth/register", new
        {
            username = ApiClient.UniqueName(),
            email = existing.Email.ToUpperInvariant(),
            password = ApiClient.StrongPassword,
        });

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.NotNull(problem["errors"]!["email"]);
    }

    [Fact]
    public async Task Register_SameUsernameConcurrently_CreatesOneAccount()
    {
        var client = app.CreateClient();
        var username = ApiClient.UniqueName();
        var attempts = Enumerable.Range(0, 5).Select(i => client.PostAsJsonAsync("/v1/auth/register", new
        {
            username,
            email = $"{username}.{i}@example.com",
            password = ApiClient.StrongPassword,
        }));

        var responses = await Task.WhenAll(attempts);

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
    }
}
