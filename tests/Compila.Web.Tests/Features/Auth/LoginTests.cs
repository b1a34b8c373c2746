using System.Net;
using System.Net.Http.Json;
using Compila.Web.Tests.Infrastructure;

namespace Compila.Web.Tests.Features.Auth;

public sealed class LoginTests(CompilaApp app) : IClassFixture<CompilaApp>
{
    [Fact]
    public async Task Login_WithUsernameOrEmail_ReturnsTokens()
    {
        var client = app.CreateClient();
        var user = await client.RegisterAsync();

        var byName = await client.PostAsJsonAsync("/v1/auth/login", new { login = user.Username.ToUpperInvariant(), password = user.Password });
        var byEmail = await client.PostAsJsonAsync("/v1/auth/login", new { login = user.Email, password = user.Password });

        Assert.Equal(HttpStatusCode.OK, byName.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byEmail.StatusCode);
        Assert.Equal(user.Username, (await byEmail.ReadJsonAsync())["user"]!["username"]!.GetValue<string>());
    }

    [Fact]
    public async Task Login_UnknownAccountAndWrongPassword_GiveTheSameAnswer()
    {
        var client = app.CreateClient();
        var user = await client.RegisterAsync();

        var wrongPassword = await client.PostAsJsonAsync("/v1/auth/login", new { login = user.Username, password = "not-the-password-1" });
        var unknown = await client.PostAsJsonAsync("/v1/auth/login", new { login = "ninguem_" + Guid.NewGuid().ToString("N")[..8], password = "not-the-password-1" });

        var first = await wrongPassword.AssertProblemAsync(HttpStatusCode.Unauthorized);
        var second = await unknown.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(first["title"]!.GetValue<string>(), second["title"]!.GetValue<string>());
        Assert.Equal(first["detail"]!.GetValue<string>(), second["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Login_AfterFiveFailures_IsLockedEvenWithTheRightPassword()
    {
        var client = app.CreateClient();
        var user = await client.RegisterAsync();
        for (var i = 0; i < 5; i++)
        {
            var failed = await client.PostAsJsonAsync("/v1/auth/login", new { login = user.Username, password = $"wrong-password-{i}" });
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        var locked = await client.PostAsJsonAsync("/v1/auth/login", new { login = user.Username, password = user.Password });

        await locked.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(int.Parse(locked.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    [Fact]
    public async Task Login_AfterFiveFailuresOnTheUsername_IsLockedForTheEmailToo()
    {
        var client = app.CreateClient();
        var user = await client.RegisterAsync();
        for (var i = 0; i < 5; i++)
        {
            await client.PostAsJsonAsync("/v1/auth/login", new { login = user.Username, password = $"wrong-password-{i}" });
        }

        var byEmail = await client.PostAsJsonAsync("/v1/auth/login", new { login = user.Email.ToUpperInvariant(), password = user.Password });

        await byEmail.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.False(byEmail.Headers.Contains("set-cookie"));
    }

    [Fact]
    public async Task Login_FailuresThroughUsernameAndEmail_AddUpOnTheAccount()
    {
        var client = app.CreateClient();
        var user = await client.RegisterAsync();
        for (var i = 0; i < 5; i++)
        {
            var login = i % 2 == 0 ? user.Username : user.Email;
            var failed = await client.PostAsJsonAsync("/v1/auth/login", new { login, password = $"wrong-password-{i}" });
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        var byName = await client.PostAsJsonAsync("/v1/auth/login", new { login = user.Username, password = user.Password });

        await byName.AssertProblemAsync(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Login_LockOfOneAccount_LeavesOthersAlone()
    {
        var client = app.CreateClient();
        var locked = await client.RegisterAsync();
        var other = await client.RegisterAsync();
        for (var i = 0; i < 5; i++)
        {
            await client.PostAsJsonAsync("/v1/auth/login", new { login = locked.Email, password = $"wrong-password-{i}" });
        }

        var response = await client.PostAsJsonAsync("/v1/auth/login", new { login = other.Email, password = other.Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Login_UnknownAccount_LocksTheSameWay()
    {
        var client = app.CreateClient();
        var login = "fantasma_" + Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < 5; i++)
        {
            await client.PostAsJsonAsync("/v1/auth/login", new { login, password = $"wrong-password-{i}" });
        }

        var locked = await client.PostAsJsonAsync("/v1/auth/login", new { login, password = "wrong-password-x" });

        await locked.AssertProblemAsync(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Login_WithMissingFields_Returns400PerField()
    {
        var response = await app.CreateClient().PostAsJsonAsync("/v1/auth/login", new { login = "", password = "" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["login"]);
        Assert.NotNull(problem["errors"]!["password"]);
    }
}
