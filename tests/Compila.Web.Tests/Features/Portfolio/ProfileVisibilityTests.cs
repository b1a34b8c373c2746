using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Compila.Web.Features.Submissions;
using Compila.Web.Infrastructure.Data;
using Compila.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Compila.Web.Tests.Features.Portfolio;

public sealed class ProfileVisibilityTests(CompilaApp app) : IClassFixture<CompilaApp>
{
    static object Profile(string visibility, object? sections = null) => new
    {
        fullName = "Ana Souza",
        bio = "Backend em Recife.",
        location = "Recife, PE",
        githubUrl = "https://github.com/ana",
        visibility,
        sections,
    };

    async Task<(TestUser User, HttpClient Client)> LearnerAsync()
    {
        var client = app.CreateClient();
        var user = await client.RegisterAsync();
        client.Authorized(user.AccessToken);
        return (user, client);
    }

    [Fact]
    public async Task PutProfile_ReplacesTheWholeProfile_ClearsWhatIsMissing_AndReturnsVisibilityAndSections()
    {
        var (_, client) = await LearnerAsync();
        await client.PatchAsJsonAsync("/v1/me", new { websiteUrl = "https://ana.dev", linkedinUrl = "https://linkedin.com/in/ana" });

        var response = await client.PutAsJsonAsync("/v1/me/profile", Profile("private", new { heatmap = false }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal("Ana Souza", body["fullName"]!.GetValue<string>());
        Assert.Null(body["websiteUrl"]);
        Assert.Null(body["linkedinUrl"]);
        Assert.Equal("private", body["visibility"]!.GetValue<string>());
        Assert.False(body["sections"]!["heatmap"]!.GetValue<bool>());
        Assert.True(body["sections"]!["badges"]!.GetValue<bool>());
        Assert.True(body["sections"]!["skills"]!.GetValue<bool>());
        Assert.True(body["sections"]!["projects"]!.GetValue<bool>());
        var me = await (await client.GetAsync("/v1/me")).ReadJsonAsync();
        Assert.Equal("private", me["visibility"]!.GetValue<string>());
        Assert.False(me["sections"]!["heatmap"]!.GetValue<bool>());
    }

    [Fact]
    public async Task NewUser_IsPublic_WithEverySectionShown()
    {
        var (_, client) = await LearnerAsync();

        var me = await (await client.GetAsync("/v1/me")).ReadJsonAsync();

        Assert.Equal("public", me["visibility"]!.GetValue<string>());
        Assert.All(new[] { "badges", "heatmap", "skills", "projects" }, s => Assert.True(me["sections"]![s]!.GetValue<bool>()));
        Assert.Null(me["shareLinkCreatedAt"]);
    }

    [Theory]
    [InlineData("{\"visibility\":\"secreto\"}", "visibility")]
    [InlineData("{\"fullName\":\"Ana\"}", "visibility")]
    [InlineData("{\"visibility\":\"public\",\"websiteUrl\":\"javascript:alert(1)\"}", "websiteUrl")]
    [InlineData("{\"visibility\":\"public\",\"avatarUrl\":\"data:image/png;base64,AAAA\"}", "avatarUrl")]
    [InlineData("{\"visibility\":\"public\",\"linkedinUrl\":\"ftp://linkedin.com/in/ana\"}", "linkedinUrl")]
    public async Task PutProfile_WithBadInput_Returns400WithTheField(string json, string field)
    {
        var (_, client) = await LearnerAsync();

        var response = await client.PutAsync("/v1/me/profile", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]![field]);
    }

    [Fact]
    public async Task PutProfile_WithWrongTypes_Returns400_Not500()
    {
        var (_, client) = await LearnerAsync();

        var response = await client.PutAsync("/v1/me/profile", new StringContent("{\"visibility\":\"public\",\"sections\":{\"badges\":\"talvez\"}}", System.Text.Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ProfileEndpoints_WithoutToken_Return401()
    {
        var anonymous = app.CreateClient();

        await (await anonymous.PutAsJsonAsync("/v1/me/profile", Profile("public"))).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.PostAsync("/v1/me/profile/share-link", null)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.DeleteAsync("/v1/me/profile/share-link")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task PrivateProfile_Is404ForOthersAndAnonymous_LikeAnUnknownUser_ButTheOwnerSeesIt()
    {
        var (ana, anaClient) = await LearnerAsync();
        var (_, bobClient) = await LearnerAsync();
        await anaClient.PutAsJsonAsync("/v1/me/profile", Profile("private"));

        var asAnonymous = await app.CreateClient().GetAsync($"/v1/users/{ana.Username.ToUpperInvariant()}");
        var asBob = await bobClient.GetAsync($"/v1/users/{ana.Username}");
        var unknown = await app.CreateClient().GetAsync($"/v1/users/ninguem_{Guid.NewGuid():N}"[..40]);
        var asOwner = await anaClient.GetAsync($"/v1/users/{ana.Username}");

        var hidden = await asAnonymous.AssertProblemAsync(HttpStatusCode.NotFound);
        await asBob.AssertProblemAsync(HttpStatusCode.NotFound);
        var missing = await unknown.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(missing["title"]!.GetValue<string>(), hidden["title"]!.GetValue<string>());
        Assert.Equal(missing["detail"]?.GetValue<string>(), hidden["detail"]?.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, asOwner.StatusCode);
        Assert.Equal("Ana Souza", (await asOwner.ReadJsonAsync())["fullName"]!.GetValue<string>());

        await anaClient.PutAsJsonAsync("/v1/me/profile", Profile("public"));
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync($"/v1/users/{ana.Username}")).StatusCode);
    }

    [Fact]
    public async Task LinkProfile_OpensOnlyWithTheCurrentToken_RotationAndRevocationCloseIt()
    {
        var (ana, anaClient) = await LearnerAsync();
        await anaClient.PutAsJsonAsync("/v1/me/profile", Profile("link"));
        var anonymous = app.CreateClient();
        string Url(string? token) => $"/v1/users/{ana.Username}" + (token is null ? "" : $"?share={Uri.EscapeDataString(token)}");

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(Url(null))).StatusCode);

        var created = await anaClient.PostAsync("/v1/me/profile/share-link", null);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var link = await created.ReadJsonAsync();
        var first = link["token"]!.GetValue<string>();
        Assert.True(first.Length >= 40);
        Assert.Equal($"/u/{ana.Username}?share={first}", link["path"]!.GetValue<string>());
        Assert.Equal("link", link["visibility"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(Url(first))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(Url(first + "x"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(Url("nao-e-o-token"))).StatusCode);

        var me = await (await anaClient.GetAsync("/v1/me")).ReadJsonAsync();
        Assert.NotNull(me["shareLinkCreatedAt"]);
        Assert.DoesNotContain(first, me.ToJsonString(), StringComparison.Ordinal);

        var second = (await (await anaClient.PostAsync("/v1/me/profile/share-link", null)).ReadJsonAsync())["token"]!.GetValue<string>();
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(Url(first))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(Url(second))).StatusCode);

        // A link opens a link-only profile, never a private one.
        await anaClient.PutAsJsonAsync("/v1/me/profile", Profile("private"));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(Url(second))).StatusCode);
        await anaClient.PutAsJsonAsync("/v1/me/profile", Profile("link"));

        Assert.Equal(HttpStatusCode.NoContent, (await anaClient.DeleteAsync("/v1/me/profile/share-link")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(Url(second))).StatusCode);
        Assert.Null((await (await anaClient.GetAsync("/v1/me")).ReadJsonAsync())["shareLinkCreatedAt"]);
    }

    [Fact]
    public async Task ShareToken_IsStoredOnlyAsAHash()
    {
        var (ana, anaClient) = await LearnerAsync();
        var token = (await (await anaClient.PostAsync("/v1/me/profile/share-link", null)).ReadJsonAsync())["token"]!.GetValue<string>();

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CompilaDb>();
        var stored = await db.Users.Where(u => u.Id == ana.Id).Select(u => u.ProfileShareTokenHash).SingleAsync();
        Assert.NotNull(stored);
        Assert.Equal(64, stored.Length);
        Assert.DoesNotContain(token, stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Leaderboard_LeavesOutPrivateAndLinkOnlyLearners()
    {
        var (shown, shownClient) = await LearnerAsync();
        var (hidden, hiddenClient) = await LearnerAsync();
        var (linkOnly, linkClient) = await LearnerAsync();
        foreach (var user in new[] { shown, hidden, linkOnly })
        {
            await EarnAsync(user.Id, 10_000 + Random.Shared.Next(1000));
        }

        await hiddenClient.PutAsJsonAsync("/v1/me/profile", Profile("private"));
        await linkClient.PutAsJsonAsync("/v1/me/profile", Profile("link"));

        var board = await (await shownClient.GetAsync("/v1/leaderboard?period=all_time&size=100")).ReadJsonAsync();
        var names = board["items"]!.AsArray().Select(i => i!["username"]!.GetValue<string>()).ToList();
        Assert.Contains(shown.Username, names);
        Assert.DoesNotContain(hidden.Username, names);
        Assert.DoesNotContain(linkOnly.Username, names);
        Assert.NotNull(board["me"]);
        var hiddenView = await (await hiddenClient.GetAsync("/v1/leaderboard?period=all_time&size=100")).ReadJsonAsync();
        Assert.Null(hiddenView["me"]);
        Assert.DoesNotContain(hidden.Username, hiddenView.ToJsonString(), StringComparison.Ordinal);
    }

    async Task EarnAsync(Guid userId, int xp)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CompilaDb>();
        var challenge = await db.Challenges.FirstAsync();
        db.Submissions.Add(new Submission
        {
            UserId = userId,
            ChallengeId = challenge.Id,
            Code = "# pontos",
            Language = "python",
            Status = SubmissionStatus.Passed,
            Score = 100,
            XpGained = xp,
            AttemptNumber = 1,
            SubmittedAt = DateTimeOffset.UtcNow,
            JudgedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
    }
}
