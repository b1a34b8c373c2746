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
    public async Task PlanChangeByAnAdmin_IsAuditedWithWhoWhatAndWhen_AndAuditIsAdminOnly()
    {
        var (admin, adminName) = await AdminAsync();
        var learner = await app.CreateClient().RegisterAsync();
        var expires = new DateTimeOffset(2027, 6, 30, 0, 0, 0, TimeSpan.Zero);

        var upgrade = await admin.PatchAsJsonAsync($"/v1/admin/users/{learner.Username}", new { subscriptionPlan = "pro", subscriptionExpiresAt = expires });
        Assert.Equal(HttpStatusCode.OK, upgrade.StatusCode);
        // The same values again change nothing, so they are not audited twice.
        await admin.PatchAsJsonAsync($"/v1/admin/users/{learner.Username}", new { subscriptionPlan = "pro" });

        var audit = await (await admin.GetAsync($"/v1/admin/audit?action=user.plan_changed&target=user:{learner.Username}")).ReadJsonAsync();
        var entry = Assert.Single(audit["items"]!.AsArray())!;
        Assert.Equal(adminName, entry["actor"]!.GetValue<string>());
        Assert.Equal($"user:{learner.Username}", entry["target"]!.GetValue<string>());
        var details = System.Text.Json.Nodes.JsonNode.Parse(entry["details"]!.GetValue<string>())!;
        Assert.Equal("free", details["from"]!["plan"]!.GetValue<string>());
        Assert.Equal("pro", details["to"]!["plan"]!.GetValue<string>());
        Assert.Equal(expires, details["to"]!["expiresAt"]!.GetValue<DateTimeOffset>());
        Assert.True(DateTimeOffset.UtcNow - entry["at"]!.GetValue<DateTimeOffset>() < TimeSpan.FromMinutes(5));

        // The learner sees the plan, and billing's view (which reads it through Users) agrees.
        var billing = await (await app.CreateClient().Authorized(learner.AccessToken).GetAsync("/v1/billing")).ReadJsonAsync();
        Assert.Equal("pro", billing["plan"]!.GetValue<string>());

        var asLearner = await app.CreateClient().Authorized(learner.AccessToken).GetAsync("/v1/admin/audit");
        await asLearner.AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await app.CreateClient().GetAsync("/v1/admin/audit")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await admin.GetAsync("/v1/admin/audit?size=0")).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.GetAsync($"/v1/admin/audit?action={new string('a', 65)}")).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    async Task<(HttpClient Client, string Username)> AdminAsync()
    {
        var username = ApiClient.UniqueName("adm");
        Environment.SetEnvironmentVariable("COMPILA_ADMIN_PASSWORD", ApiClient.StrongPassword);
        try
        {
            Assert.Equal(0, await CommandLine.RunAsync(app.Services, ["admin", "create", "--username", username, "--email", $"{username}@compila.dev"]));
        }
        finally
        {
            Environment.SetEnvironmentVariable("COMPILA_ADMIN_PASSWORD", null);
        }

        var client = app.CreateClient();
        var login = await client.PostAsJsonAsync("/v1/auth/login", new { login = username, password = ApiClient.StrongPassword });
        client.Authorized((await login.ReadJsonAsync())["accessToken"]!.GetValue<string>());
        return (client, username);
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
