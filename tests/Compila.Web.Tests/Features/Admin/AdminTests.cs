using System.Net;
using System.Net.Http.Json;
using Compila.Web.Infrastructure.Commands;
using Compila.Web.Tests.Infrastructure;

namespace Compila.Web.Tests.Features.Admin;

public sealed class AdminTests(CompilaApp app) : IClassFixture<CompilaApp>
{
    [Fact]
    public async Task AdminArea_IsForbiddenToUsers_AndClosedToAnonymous()
    {
        var user = await app.CreateClient().RegisterAsync();

        var anonymous = await app.CreateClient().GetAsync("/v1/admin/users");
        var asUser = await app.CreateClient().Authorized(user.AccessToken).GetAsync("/v1/admin/users");

        await anonymous.AssertProblemAsync(HttpStatusCode.Unauthorized);
        await asUser.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AdminCreatedByTheCommand_CanListUsersAndSetPlans()
    {
        var username = ApiClient.UniqueName("adm");
        Environment.SetEnvironmentVariable("COMPILA_ADMIN_PASSWORD", ApiClient.StrongPassword);
        try
        {
            var exit = await CommandLine.RunAsync(app.Services, ["admin", "create", "--username", username, "--email", $"{username}@compila.dev"]);
            Assert.Equal(0, exit);
        }
        finally
        {
            Environment.SetEnvironmentVariable("COMPILA_ADMIN_PASSWORD", null);
        }

        var learner = await app.CreateClient().RegisterAsync();
        var client = app.CreateClient();
        var login = await client.PostAsJsonAsync("/v1/auth/login", new { login = username, password = ApiClient.StrongPassword });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        client.Authorized((await login.ReadJsonAsync())["accessToken"]!.GetValue<string>());

        var list = await client.GetAsync($"/v1/admin/users?q={learner.Username}");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(learner.Email, (await list.ReadJsonAsync())["items"]![0]!["email"]!.GetValue<string>());

        var upgrade = await client.PatchAsJsonAsync($"/v1/admin/users/{learner.Username}", new { subscriptionPlan = "pro_plus" });
        Assert.Equal(HttpStatusCode.OK, upgrade.StatusCode);
        var me = await app.CreateClient().Authorized(learner.AccessToken).GetAsync("/v1/me");
        Assert.Equal("pro_plus", (await me.ReadJsonAsync())["subscriptionPlan"]!.GetValue<string>());

        var unknownPlan = await client.PatchAsJsonAsync($"/v1/admin/users/{learner.Username}", new { subscriptionPlan = "platinum" });
        await unknownPlan.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AdminCommand_RefusesACommonPassword()
    {
        Environment.SetEnvironmentVariable("COMPILA_ADMIN_PASSWORD", "admin123");
        try
        {
            var exit = await CommandLine.RunAsync(app.Services, ["admin", "create", "--username", ApiClient.UniqueName("adm"), "--email", "x@compila.dev"]);
            Assert.Equal(1, exit);
        }
        finally
        {
            Environment.SetEnvironmentVariable("COMPILA_ADMIN_PASSWORD", null);
        }
    }
}
