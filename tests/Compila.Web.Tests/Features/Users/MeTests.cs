using System.Net;
using System.Net.Http.Json;
using Compila.Web.Tests.Infrastructure;

namespace Compila.Web.Tests.Features.Users;

public sealed class MeTests(CompilaApp app) : IClassFixture<CompilaApp>
{
    [Fact]
    public async Task Me_WithoutToken_Returns401()
    {
        var response = await app.CreateClient().GetAsync("/v1/me");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task PatchMe_UpdatesOnlyTheGivenFields_AndEmptyClears()
    {
        var client = app.CreateClient();
        var user = await client.RegisterAsync();
        client.Authorized(user.AccessToken);

        var first = await client.PatchAsJsonAsync("/v1/me", new
        {
            fullName = "Ana Paula",
            bio = "Dev backend em Recife.\nGosto de Go.",
            location = "Recife, PE",
            githubUrl = "https://github.com/ana",
            websiteUrl = "https://ana.dev",
        });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        var second = await client.PatchAsJsonAsync("/v1/me", new { location = "", linkedinUrl = "https://linkedin.com/in/ana" });
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);

        var me = await (await client.GetAsync("/v1/me")).ReadJsonAsync();
        Assert.Equal("Ana Paula", me["fullName"]!.GetValue<string>());
        Assert.Equal("Dev backend em Recife.\nGosto de Go.", me["bio"]!.GetValue<string>());
        Assert.Null(me["location"]);
        Assert.Equal("https://github.com/ana", me["githubUrl"]!.GetValue<string>());
        Assert.Equal("https://linkedin.com/in/ana", me["linkedinUrl"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://example.com/file")]
    [InlineData("file:///etc/passwd")]
    [InlineData("github.com/sem-esquema")]
    [InlineData("https://")]
    public async Task PatchMe_WithANonHttpUrl_Returns400(string url)
    {
        var client = app.CreateClient();
        var user = await client.RegisterAsync();

        var response = await client.Authorized(user.AccessToken).PatchAsJsonAsync("/v1/me", new { websiteUrl = url });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["websiteUrl"]);
    }

    [Fact]
    public async Task OneUser_CannotReadOrChangeAnothersPrivateData()
    {
        var alice = await app.CreateClient().RegisterAsync();
        var bob = await app.CreateClient().RegisterAsync();
        var bobClient = app.CreateClient().Authorized(bob.AccessToken);

        var aliceProfile = await bobClient.GetAsync($"/v1/users/{alice.Username}");
        Assert.Equal(HttpStatusCode.OK, aliceProfile.StatusCode);
        var text = await aliceProfile.Content.ReadAsStringAsync();
        Assert.DoesNotContain(alice.Email, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("subscriptionPlan", text, StringComparison.Ordinal);

        var bobMe = await bobClient.GetAsync("/v1/me");
        Assert.Equal(bob.Username, (await bobMe.ReadJsonAsync())["username"]!.GetValue<string>());

        await bobClient.PatchAsJsonAsync("/v1/me", new { fullName = "Bob Invasor" });
        var aliceMe = await app.CreateClient().Authorized(alice.AccessToken).GetAsync("/v1/me");
        Assert.Null((await aliceMe.ReadJsonAsync())["fullName"]);

        var adminUpdate = await bobClient.PatchAsJsonAsync($"/v1/admin/users/{alice.Username}", new { subscriptionPlan = "pro" });
        await adminUpdate.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task PublicProfile_OfUnknownUser_Returns404()
    {
        var response = await app.CreateClient().GetAsync("/v1/users/ninguem-aqui");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
