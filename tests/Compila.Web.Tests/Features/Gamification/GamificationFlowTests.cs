using Compila.Web.Features.Gamification.Contracts;
using System.Net;
using Compila.Web.Features.Gamification;
using Compila.Web.Features.Submissions;
using Compila.Web.Features.Submissions.Judging;
using Compila.Web.Infrastructure.Data;
using Compila.Web.Tests.Features.Submissions;
using Compila.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Compila.Web.Tests.Features.Gamification;

public sealed class GamificationFlowTests
{
    static readonly TimeSpan SaoPaulo = TimeSpan.FromHours(-3);

    [Fact]
    public async Task Streak_AcrossMidnightInSaoPaulo_AndAfterAMissedDay()
    {
        using var app = CompilaApp.With(new() { ["Compila:Role"] = "Api" });
        var client = app.CreateClient();
        var user = await client.RegisterAsync();
        client.Authorized(user.AccessToken);
        var challengeId = await SubmissionScenario.ChallengeIdAsync(client);
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await SubmissionScenario.SubmitAsync(client, challengeId, "python", SubmissionScenario.PythonStarter));
        }

        var day = DateTimeOffset.UtcNow.ToOffset(SaoPaulo).Date.AddDays(-5);
        var times = new[]
        {
            new DateTimeOffset(day.AddHours(23).AddMinutes(59), SaoPaulo),
            new DateTimeOffset(day.AddDays(1).AddMinutes(1), SaoPaulo),
            new DateTimeOffset(day.AddDays(3).AddHours(10), SaoPaulo),
        };
        var streaks = new List<(int Current, int Best)>();
        for (var i = 0; i < 3; i++)
        {
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<CompilaDb>();
                var when = times[i].ToUniversalTime();
                await db.Submissions.Where(s => s.Id == ids[i]).ExecuteUpdateAsync(s => s.SetProperty(x => x.SubmittedAt, when));
            }

            await app.Services.GetRequiredService<SubmissionJudge>().JudgeAsync(ids[i], 1, CancellationToken.None);
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var row = await scope.ServiceProvider.GetRequiredService<CompilaDb>().Users.AsNoTracking().SingleAsync(u => u.Id == user.Id);
                streaks.Add((row.StreakCurrent, row.StreakBest));
            }
        }

        Assert.Equal([(1, 1), (2, 2), (1, 2)], streaks);
        var progress = await (await client.GetAsync("/v1/me/progress")).ReadJsonAsync();
        Assert.Equal(0, progress["streakCurrent"]!.GetValue<int>());
        Assert.Equal(2, progress["streakBest"]!.GetValue<int>());
    }

    [Fact]
    public async Task TwoPassesAtOnce_AwardXpAndBadgesOnce()
    {
        // Two sandbox slots for the learner, so both passes are still judged at the same time.
        using var app = CompilaApp.With(new() { ["Compila:Queue:Consumers"] = "2", ["Compila:Sandbox:MaxRunningPerUser"] = "2" });
        var client = app.CreateClient();
        var user = await client.RegisterAsync();
        client.Authorized(user.AccessToken);
        var challengeId = await SubmissionScenario.ChallengeIdAsync(client);

        var ids = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => SubmissionScenario.SubmitAsync(client, challengeId, "python", SubmissionScenario.PythonSolution)));
        var judged = new List<System.Text.Json.Nodes.JsonNode>();
        foreach (var id in ids)
        {
            judged.Add(await SubmissionScenario.WaitJudgedAsync(client, id));
        }

        Assert.All(judged, j => Assert.Equal("passed", j["status"]!.GetValue<string>()));
        Assert.Equal(SubmissionScenario.Challenge.XpReward, judged.Sum(j => j["xpGained"]!.GetValue<int>()));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CompilaDb>();
        Assert.Equal(SubmissionScenario.Challenge.XpReward, (await db.Users.SingleAsync(u => u.Id == user.Id)).Xp);
        Assert.Equal(1, await db.Set<UserBadge>().CountAsync(b => b.UserId == user.Id && b.BadgeId == "primeira-aprovacao" && b.EarnedAt != null));
        var badgeIds = (await PublishedEvents.ReadAsync<BadgeEarned>(app.Services)).Where(e => e.UserId == user.Id).Select(e => e.BadgeId).ToList();
        Assert.Single(badgeIds, id => id == "primeira-aprovacao");
        Assert.Single(badgeIds, id => id == "primeiro-envio");
        Assert.Single(badgeIds, id => id == "de-primeira");
    }

    [Fact]
    public async Task Badges_FirstSubmissionFirstPassPolyglotAndProgress_ShowInProgress()
    {
        using var app = new CompilaApp();
        var client = app.CreateClient();
        var user = await client.RegisterAsync();
        client.Authorized(user.AccessToken);
        var challengeId = await SubmissionScenario.ChallengeIdAsync(client);
        var third = SubmissionScenario.Challenge.Languages.Keys.First(l => l is not "python" and not "java");

        await SubmissionScenario.WaitJudgedAsync(client, await SubmissionScenario.SubmitAsync(client, challengeId, "python", SubmissionScenario.PythonStarter));
        var afterFail = await (await client.GetAsync("/v1/me/progress")).ReadJsonAsync();
        await SubmissionScenario.WaitJudgedAsync(client, await SubmissionScenario.SubmitAsync(client, challengeId, "python", SubmissionScenario.PythonSolution));
        await SubmissionScenario.WaitJudgedAsync(client, await SubmissionScenario.SubmitAsync(client, challengeId, "java", SubmissionScenario.JavaSolution));
        await SubmissionScenario.WaitJudgedAsync(client, await SubmissionScenario.SubmitAsync(client, challengeId, third, SubmissionScenario.Challenge.Languages[third].Solution[0].Content));
        var progress = await (await client.GetAsync("/v1/me/progress")).ReadJsonAsync();

        static System.Text.Json.Nodes.JsonNode Badge(System.Text.Json.Nodes.JsonNode p, string id) => p["badges"]!.AsArray().Single(b => b!["id"]!.GetValue<string>() == id)!;
        Assert.NotNull(Badge(afterFail, "primeiro-envio")["earnedAt"]);
        Assert.Null(Badge(afterFail, "primeira-aprovacao")["earnedAt"]);
        Assert.NotNull(Badge(progress, "primeira-aprovacao")["earnedAt"]);
        Assert.NotNull(Badge(progress, "poliglota")["earnedAt"]);
        Assert.Null(Badge(progress, "de-primeira")["earnedAt"]);
        Assert.Equal(0.1, Badge(progress, "dez-aprovacoes")["progress"]!.GetValue<double>());
        Assert.Equal(1, progress["solved"]!["total"]!.GetValue<int>());
        Assert.Equal(1, progress["solved"]!["byLanguage"]!["java"]!.GetValue<int>());
        Assert.Equal(1, progress["solved"]!["byStack"]![SubmissionScenario.Challenge.StackName]!.GetValue<int>());
        Assert.Equal(4, progress["activity"]!.AsArray()[^1]!["submissions"]!.GetValue<int>());
        Assert.Equal(3, progress["activity"]!.AsArray()[^1]!["passes"]!.GetValue<int>());
        Assert.Equal(SubmissionScenario.Challenge.XpReward, progress["xp"]!.GetValue<int>());
        var icon = await client.GetAsync(Badge(progress, "poliglota")["icon"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/svg+xml", icon.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task LevelUp_IsPublishedAsAnEvent()
    {
        using var app = new CompilaApp();
        var client = app.CreateClient();
        var user = await client.RegisterAsync();
        client.Authorized(user.AccessToken);
        var challengeId = await SubmissionScenario.ChallengeIdAsync(client);

        await SubmissionScenario.WaitJudgedAsync(client, await SubmissionScenario.SubmitAsync(client, challengeId, "python", SubmissionScenario.PythonSolution));

        var levels = await PublishedEvents.ReadAsync<LevelReached>(app.Services);
        var expectedLevel = Levels.ForXp(SubmissionScenario.Challenge.XpReward);
        if (expectedLevel > 1)
        {
            Assert.Contains(levels, e => e.UserId == user.Id && e.To == expectedLevel && e.From == 1);
        }
        else
        {
            Assert.DoesNotContain(levels, e => e.UserId == user.Id);
        }

        Assert.Contains(await PublishedEvents.ReadAsync<BadgeEarned>(app.Services), e => e.UserId == user.Id);
    }
}
