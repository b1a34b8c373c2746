using Compila.Web.Features.Challenges.Contracts;
using Compila.Web.Features.Portfolio.Contracts;
using Compila.Web.Features.Submissions.Contracts;
using Compila.Web.Infrastructure.Commands;
using Compila.Web.Infrastructure.Data;
using Compila.Web.Infrastructure.Events;
using Compila.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Compila.Web.Tests.Features.Portfolio;

public sealed class VerifiedSkillsTests(CompilaApp app) : IClassFixture<CompilaApp>
{
    async Task<IReadOnlyList<VerifiedSkill>> SkillsAsync(Guid userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IVerifiedSkills>().OfUserAsync(userId, CancellationToken.None);
    }

    async Task<List<Guid>> HoldersAsync(SkillKind kind, string name, ChallengeLevel atLeast, int min = 1)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IVerifiedSkills>().UsersWithSkill(kind, name, atLeast, min).ToListAsync();
    }

    [Fact]
    public async Task EachChallengeAndLanguage_CountsOnce_WhateverThePassesAndRedeliveries()
    {
        var learner = await app.CreateClient().RegisterAsync();
        var challenges = await PortfolioScenario.ChallengesAsync(app.Services);
        var sameStack = challenges.GroupBy(c => c.Stack).First(g => g.Count() >= 2).ToList();
        var (a, b) = (sameStack[0], sameStack[1]);

        var late = await PortfolioScenario.JudgeAsync(app.Services, learner.Id, a, "python", passed: true, PortfolioScenario.At(2));
        var early = await PortfolioScenario.JudgeAsync(app.Services, learner.Id, a, "python", passed: true, PortfolioScenario.At(5)); // out of order
        await PortfolioScenario.JudgeAsync(app.Services, learner.Id, a, "python", passed: false, PortfolioScenario.At(1));
        await PortfolioScenario.JudgeAsync(app.Services, learner.Id, a, "java", passed: true, PortfolioScenario.At(4));
        await PortfolioScenario.JudgeAsync(app.Services, learner.Id, b, "python", passed: true, PortfolioScenario.At(3));
        await PublishedEvents.SettledAsync(app.Services);
        await PortfolioScenario.RedeliverAsync(app.Services, late.EventIds.Concat(early.EventIds));
        await PublishedEvents.SettledAsync(app.Services);
        // The same fact published again as a new event (a publisher retry): the handler itself must not count it twice.
        var again = (await PublishedEvents.ReadAsync<ChallengePassed>(app.Services)).First(e => e.SubmissionId == late.SubmissionId);
        await PublishAsync(again);
        await PublishedEvents.SettledAsync(app.Services);

        var skills = await SkillsAsync(learner.Id);
        var python = skills.Single(s => s is { Kind: SkillKind.Language, Name: "python" });
        var java = skills.Single(s => s is { Kind: SkillKind.Language, Name: "java" });
        var stack = skills.Single(s => s.Kind == SkillKind.Stack && s.Name == EnumLabels.ToLabel(a.Stack));
        Assert.Equal(2, python.ChallengesPassed);
        Assert.Equal(2, python.Evidence.Count);
        Assert.Equal(early.SubmissionId, python.Evidence.Single(e => e.ChallengeId == a.Id).SubmissionId);
        Assert.Equal(PortfolioScenario.At(5), python.FirstEvidenceAt);
        Assert.Equal(PortfolioScenario.At(3), python.LastEvidenceAt);
        Assert.Equal(1, java.ChallengesPassed);
        Assert.Equal(2, stack.ChallengesPassed); // a in two languages counts once for its stack
        Assert.Equal(3, stack.Evidence.Count);
        foreach (var technology in a.Technologies.Except(b.Technologies))
        {
            Assert.Equal(1, skills.Single(s => s.Kind == SkillKind.Technology && s.Name == technology).ChallengesPassed);
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CompilaDb>();
        Assert.Equal(1, await db.Set<EventDelivery>().CountAsync(d => d.Handler == "portfolio.skills" && late.EventIds.Contains(d.EventId) && d.HandledAt != null));
    }

    [Fact]
    public async Task Rebuild_FromHistory_EqualsWhatTheEventsBuilt()
    {
        var challenges = await PortfolioScenario.ChallengesAsync(app.Services);
        var learners = new[] { await app.CreateClient().RegisterAsync(), await app.CreateClient().RegisterAsync() };
        var day = 1;
        foreach (var (learner, i) in learners.Select((l, i) => (l, i)))
        {
            foreach (var challenge in challenges.Skip(i).Take(4))
            {
                await PortfolioScenario.JudgeAsync(app.Services, learner.Id, challenge, "python", passed: true, PortfolioScenario.At(day++));
                await PortfolioScenario.JudgeAsync(app.Services, learner.Id, challenge, "python", passed: true, PortfolioScenario.At(day++));
                await PortfolioScenario.JudgeAsync(app.Services, learner.Id, challenge, "go", passed: i == 0, PortfolioScenario.At(day++));
            }
        }

        await PublishedEvents.SettledAsync(app.Services);
        var incremental = new List<string>();
        foreach (var learner in learners)
        {
            incremental.Add(PortfolioScenario.Json(await SkillsAsync(learner.Id)));
        }

        var exit = await CommandLine.RunAsync(app.Services, ["portfolio", "rebuild-skills"]);

        Assert.Equal(0, exit);
        var rebuilt = new List<string>();
        foreach (var learner in learners)
        {
            rebuilt.Add(PortfolioScenario.Json(await SkillsAsync(learner.Id)));
        }

        Assert.Equal(incremental, rebuilt);
        Assert.Contains("\"Name\":\"go\"", rebuilt[0], StringComparison.Ordinal);
        Assert.DoesNotContain("\"Name\":\"go\"", rebuilt[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsersWithSkill_FindsLearnersByLanguageStackOrTechnology_AtOrAboveALevel()
    {
        var challenges = await PortfolioScenario.ChallengesAsync(app.Services);
        var lowest = challenges.Where(c => c.Technologies.Count > 0).MinBy(c => c.Level)!;
        var learner = await app.CreateClient().RegisterAsync();
        var other = await app.CreateClient().RegisterAsync();
        await PortfolioScenario.JudgeAsync(app.Services, learner.Id, lowest, "python", passed: true, PortfolioScenario.At(1));
        await PortfolioScenario.JudgeAsync(app.Services, other.Id, lowest, "python", passed: false, PortfolioScenario.At(1));
        await PublishedEvents.SettledAsync(app.Services);

        Assert.Contains(learner.Id, await HoldersAsync(SkillKind.Language, "Python", lowest.Level));
        Assert.Contains(learner.Id, await HoldersAsync(SkillKind.Stack, EnumLabels.ToLabel(lowest.Stack), lowest.Level));
        Assert.Contains(learner.Id, await HoldersAsync(SkillKind.Technology, lowest.Technologies[0], ChallengeLevel.Beginner));
        Assert.DoesNotContain(other.Id, await HoldersAsync(SkillKind.Language, "python", ChallengeLevel.Beginner));
        Assert.DoesNotContain(learner.Id, await HoldersAsync(SkillKind.Language, "python", lowest.Level, min: 2));
        Assert.DoesNotContain(learner.Id, await HoldersAsync(SkillKind.Language, "cobol", ChallengeLevel.Beginner));
        if (lowest.Level < ChallengeLevel.Expert)
        {
            Assert.DoesNotContain(learner.Id, await HoldersAsync(SkillKind.Language, "python", lowest.Level + 1));
        }
    }

    async Task PublishAsync<TEvent>(TEvent published) where TEvent : IPublishedEvent
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<IEventPublisher>().Publish(published);
        await scope.ServiceProvider.GetRequiredService<CompilaDb>().SaveChangesAsync();
    }
}
