using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Compila.Web.Features.Gamification;
using Compila.Web.Infrastructure.Data;
using Compila.Web.Tests.Features.Submissions;
using Compila.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Compila.Web.Tests.Features.Portfolio;

public sealed class PortfolioProfileTests(CompilaApp app) : IClassFixture<CompilaApp>
{
    static object Profile(string visibility, object? sections = null) => new
    {
        fullName = "Beatriz Lima",
        bio = "Aprendendo backend.",
        location = "Fortaleza, CE",
        githubUrl = "https://github.com/bia",
        visibility,
        sections,
    };

    async Task<(TestUser User, HttpClient Client)> LearnerAsync(string visibility = "public", object? sections = null)
    {
        var client = app.CreateClient();
        var user = await client.RegisterAsync();
        client.Authorized(user.AccessToken);
        var put = await client.PutAsJsonAsync("/v1/me/profile", Profile(visibility, sections));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        return (user, client);
    }

    static async Task<JsonNode> OkJsonAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    async Task EarnBadgeAsync(Guid userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CompilaDb>();
        var badge = await db.Set<Badge>().OrderBy(b => b.Id).FirstAsync();
        db.Set<UserBadge>().Add(new UserBadge { UserId = userId, BadgeId = badge.Id, EarnedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Anonymous_SeesThePublicProfile_WithSkillsEvidenceBadgesAndHeatmap_AnyCase()
    {
        var (bia, _) = await LearnerAsync();
        var challenges = await PortfolioScenario.ChallengesAsync(app.Services);
        var pass = await PortfolioScenario.JudgeAsync(app.Services, bia.Id, challenges[0], "python", passed: true, PortfolioScenario.At(3));
        await PortfolioScenario.JudgeAsync(app.Services, bia.Id, challenges[0], "python", passed: false, PortfolioScenario.At(3, hour: 13));
        await PortfolioScenario.JudgeAsync(app.Services, bia.Id, challenges[1], "python", passed: false, PortfolioScenario.At(0, hour: 0));
        await PortfolioScenario.JudgeAsync(app.Services, bia.Id, challenges[1], "python", passed: false, PortfolioScenario.At(400));
        await EarnBadgeAsync(bia.Id);
        await PublishedEvents.SettledAsync(app.Services);

        var response = await app.CreateClient().GetAsync($"/v1/portfolio/{bia.Username.ToUpperInvariant()}");
        var body = await OkJsonAsync(response);

        Assert.Equal(bia.Username, body["profile"]!["username"]!.GetValue<string>());
        Assert.Equal("Beatriz Lima", body["profile"]!["fullName"]!.GetValue<string>());
        Assert.Equal("https://github.com/bia", body["profile"]!["githubUrl"]!.GetValue<string>());
        Assert.False(body["isOwner"]!.GetValue<bool>());
        Assert.Equal(1, body["level"]!.GetValue<int>());
        Assert.NotNull(body["streakBest"]);
        Assert.Single(body["badges"]!.AsArray());
        var python = body["verifiedSkills"]!.AsArray().Single(s => s!["kind"]!.GetValue<string>() == "language" && s["name"]!.GetValue<string>() == "python")!;
        Assert.Equal(1, python["challengesPassed"]!.GetValue<int>());
        var evidence = python["evidence"]!.AsArray().Single()!;
        Assert.Equal(pass.SubmissionId, Guid.Parse(evidence["submissionId"]!.GetValue<string>()));
        Assert.Equal($"/challenges/{challenges[0].Slug}", evidence["challengeUrl"]!.GetValue<string>());
        Assert.Equal(EnumLabels.ToLabel(challenges[0].Level), python["highestLevel"]!.GetValue<string>());
        var heatmap = body["heatmap"]!;
        Assert.Equal(3, heatmap["total"]!.GetValue<int>()); // the judgement 400 days ago is outside the last year
        Assert.Equal(2, heatmap["activeDays"]!.GetValue<int>());
        Assert.Equal(2, heatmap["days"]!.AsArray().Max(d => d!["count"]!.GetValue<int>()));
        Assert.Empty(body["projects"]!.AsArray());
        var text = body.ToJsonString();
        Assert.DoesNotContain(bia.Email, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("subscription", text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Heatmap_CountsEachJudgedSubmissionOnce_UnderRedelivery()
    {
        var (bia, _) = await LearnerAsync();
        var challenge = (await PortfolioScenario.ChallengesAsync(app.Services))[0];
        var first = await PortfolioScenario.JudgeAsync(app.Services, bia.Id, challenge, "python", passed: false, PortfolioScenario.At(10));
        await PortfolioScenario.JudgeAsync(app.Services, bia.Id, challenge, "python", passed: true, PortfolioScenario.At(10, hour: 14));
        await PublishedEvents.SettledAsync(app.Services);
        await PortfolioScenario.RedeliverAsync(app.Services, first.EventIds);
        await PublishedEvents.SettledAsync(app.Services);

        var body = await OkJsonAsync(await app.CreateClient().GetAsync($"/v1/portfolio/{bia.Username}"));

        var day = body["heatmap"]!["days"]!.AsArray().Single()!;
        Assert.Equal(2, day["count"]!.GetValue<int>());
        Assert.Equal(DateOnly.FromDateTime(PortfolioScenario.At(10).ToOffset(TimeSpan.FromHours(-3)).DateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), day["date"]!.GetValue<string>());
    }

    [Fact]
    public async Task PrivateProfile_Is404ForOthers_WithTheUnknownUserBody_And200ForTheOwner()
    {
        var (bia, biaClient) = await LearnerAsync("private");
        var (_, otherClient) = await LearnerAsync();

        var anonymous = await app.CreateClient().GetAsync($"/v1/portfolio/{bia.Username}");
        var other = await otherClient.GetAsync($"/v1/portfolio/{bia.Username}");
        var unknown = await app.CreateClient().GetAsync("/v1/portfolio/ninguem_existe_aqui");
        var owner = await biaClient.GetAsync($"/v1/portfolio/{bia.Username}");

        var hiddenBody = await anonymous.AssertProblemAsync(HttpStatusCode.NotFound);
        await other.AssertProblemAsync(HttpStatusCode.NotFound);
        var unknownBody = await unknown.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(unknownBody["title"]!.GetValue<string>(), hiddenBody["title"]!.GetValue<string>());
        Assert.Equal(unknownBody["detail"]?.GetValue<string>(), hiddenBody["detail"]?.GetValue<string>());
        var mine = await OkJsonAsync(owner);
        Assert.True(mine["isOwner"]!.GetValue<bool>());
    }

    [Fact]
    public async Task LinkOnlyProfile_OpensWithTheCurrentShareToken_AndClosesWhenRevoked()
    {
        var (bia, biaClient) = await LearnerAsync("link");
        var anonymous = app.CreateClient();
        var url = $"/v1/portfolio/{bia.Username}";

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(url)).StatusCode);
        var token = (await (await biaClient.PostAsync("/v1/me/profile/share-link", null)).ReadJsonAsync())["token"]!.GetValue<string>();

        var opened = await anonymous.GetAsync($"{url}?share={token}");
        Assert.Equal("Beatriz Lima", (await OkJsonAsync(opened))["profile"]!["fullName"]!.GetValue<string>());
        Assert.Contains("noindex", opened.Headers.GetValues("X-Robots-Tag").Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"{url}?share=outro-token")).StatusCode);

        await biaClient.DeleteAsync("/v1/me/profile/share-link");
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"{url}?share={token}")).StatusCode);
    }

    [Fact]
    public async Task HiddenSections_AreEmpty_AndTheViewSaysWhichAreHidden()
    {
        var (bia, _) = await LearnerAsync("public", new { badges = false, heatmap = false, skills = false });
        var challenge = (await PortfolioScenario.ChallengesAsync(app.Services))[0];
        await PortfolioScenario.JudgeAsync(app.Services, bia.Id, challenge, "python", passed: true, PortfolioScenario.At(1));
        await EarnBadgeAsync(bia.Id);
        await PublishedEvents.SettledAsync(app.Services);

        var body = await OkJsonAsync(await app.CreateClient().GetAsync($"/v1/portfolio/{bia.Username}"));

        Assert.Empty(body["badges"]!.AsArray());
        Assert.Empty(body["verifiedSkills"]!.AsArray());
        Assert.Null(body["heatmap"]);
        Assert.False(body["sections"]!["skills"]!.GetValue<bool>());
        Assert.True(body["sections"]!["projects"]!.GetValue<bool>());
        Assert.Equal("Beatriz Lima", body["profile"]!["fullName"]!.GetValue<string>());
    }

    [Fact]
    public async Task ASolutionJudgedForReal_BecomesAVerifiedSkillOnTheProfile()
    {
        var (bia, client) = await LearnerAsync();
        var challengeId = await SubmissionScenario.ChallengeIdAsync(client);
        var submissionId = await SubmissionScenario.SubmitAsync(client, challengeId, "python", SubmissionScenario.PythonSolution);
        var judged = await SubmissionScenario.WaitJudgedAsync(client, submissionId);
        Assert.Equal("passed", judged["status"]!.GetValue<string>());
        await PublishedEvents.SettledAsync(app.Services);

        var body = await OkJsonAsync(await app.CreateClient().GetAsync($"/v1/portfolio/{bia.Username}"));

        var python = body["verifiedSkills"]!.AsArray().Single(s => s!["kind"]!.GetValue<string>() == "language" && s["name"]!.GetValue<string>() == "python")!;
        var evidence = python["evidence"]!.AsArray().Single()!;
        Assert.Equal(submissionId, Guid.Parse(evidence["submissionId"]!.GetValue<string>()));
        Assert.Equal($"/challenges/{SubmissionScenario.Challenge.Slug}", evidence["challengeUrl"]!.GetValue<string>());
        Assert.Equal(1, body["heatmap"]!["total"]!.GetValue<int>());
    }
}
