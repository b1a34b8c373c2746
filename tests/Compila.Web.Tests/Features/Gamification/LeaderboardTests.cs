using System.Net;
using System.Text.Json.Nodes;
using Compila.Web.Features.Submissions;
using Compila.Web.Infrastructure.Data;
using Compila.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Compila.Web.Tests.Features.Gamification;

public sealed class LeaderboardTests
{
    /// <summary>XP as judged results would leave it: one earning submission per (user, challenge, when).</summary>
    static async Task EarnAsync(CompilaApp app, Guid userId, string challengeSlug, int xp, DateTimeOffset judgedAt)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CompilaDb>();
        var challenge = await db.Challenges.SingleAsync(c => c.Slug == challengeSlug);
        var attempt = await db.Submissions.CountAsync(s => s.UserId == userId && s.ChallengeId == challenge.Id) + 1;
        db.Submissions.Add(new Submission
        {
            UserId = userId,
            ChallengeId = challenge.Id,
            Code = "# pontos",
            Language = "python",
            Status = SubmissionStatus.Passed,
            Score = 100,
            XpGained = xp,
            AttemptNumber = attempt,
            SubmittedAt = judgedAt,
            JudgedAt = judgedAt,
        });
        await db.SaveChangesAsync();
    }

    static async Task<List<(string User, int Rank, int Xp)>> ReadAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/v1/leaderboard" + query);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var body = await response.ReadJsonAsync();
        return body["items"]!.AsArray().Select(i => (i!["username"]!.GetValue<string>(), i["rank"]!.GetValue<int>(), i["xp"]!.GetValue<int>())).ToList();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Leaderboard_OrdersByXp_TiesShareARank_PeriodsAndStacksFilter(bool withRedis)
    {
        using var redis = withRedis ? new RedisServer() : null;
        using var app = CompilaApp.With(redis is null ? new() { ["Compila:Role"] = "Api" } : new() { ["Compila:Role"] = "Api", ["Compila:Redis"] = redis.ConnectionString });
        var client = app.CreateClient();
        var carla = await client.RegisterAsync("carla_" + Guid.NewGuid().ToString("N")[..6]);
        var ana = await client.RegisterAsync("ana_" + Guid.NewGuid().ToString("N")[..6]);
        var bruno = await client.RegisterAsync("bruno_" + Guid.NewGuid().ToString("N")[..6]);
        var catalog = Challenges.CatalogFixture.Published;
        var backend = catalog.First(c => c.StackName == "backend").Slug;
        var data = catalog.First(c => c.StackName == "data").Slug;
        var now = DateTimeOffset.UtcNow;
        var longAgo = now.AddDays(-70);

        await EarnAsync(app, ana.Id, backend, 100, now);
        await EarnAsync(app, bruno.Id, data, 100, now);
        await EarnAsync(app, carla.Id, backend, 50, now);
        await EarnAsync(app, carla.Id, data, 500, longAgo);
        client.Authorized(carla.AccessToken);

        var weekly = await ReadAsync(client, "?period=weekly");
        var allTime = await ReadAsync(client, "?period=all_time");
        var backendWeekly = await ReadAsync(client, "?period=weekly&stack=backend");
        var me = (await (await client.GetAsync("/v1/leaderboard?period=weekly")).ReadJsonAsync())["me"]!;

        Assert.Equal([(ana.Username, 1, 100), (bruno.Username, 1, 100), (carla.Username, 3, 50)], weekly);
        Assert.Equal((carla.Username, 1, 550), allTime[0]);
        Assert.Equal([(ana.Username, 1, 100), (carla.Username, 2, 50)], backendWeekly);
        Assert.Equal(3, me["rank"]!.GetValue<int>());
        Assert.Equal(50, me["xp"]!.GetValue<int>());
        var page2 = await ReadAsync(client, "?period=weekly&size=2&page=2");
        Assert.Equal([(carla.Username, 3, 50)], page2);
    }

    [Theory]
    [InlineData("?period=yearly", "period")]
    [InlineData("?stack=quantum", "stack")]
    [InlineData("?size=500", "size")]
    public async Task Leaderboard_WithUnknownValues_Returns400(string query, string field)
    {
        using var app = new CompilaApp();
        var client = app.CreateClient();
        var user = await client.RegisterAsync();

        var response = await client.Authorized(user.AccessToken).GetAsync("/v1/leaderboard" + query);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]![field]);
    }
}
