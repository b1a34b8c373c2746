using System.Text.Json;
using Compila.Web.Features.Challenges.Contracts;
using Compila.Web.Features.Submissions;
using Compila.Web.Features.Submissions.Contracts;
using Compila.Web.Infrastructure.Data;
using Compila.Web.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Compila.Web.Tests.Features.Portfolio;

/// <summary>A challenge as the judge would describe it in its events.</summary>
public sealed record ChallengeInfo(Guid Id, string Slug, ChallengeStack Stack, ChallengeLevel Level, List<string> Technologies);

/// <summary>
/// Judged history as the judge leaves it: a submission row and, in the same commit, its published events — so the
/// live read models and a rebuild from history see the same facts.
/// </summary>
public static class PortfolioScenario
{
    public static async Task<List<ChallengeInfo>> ChallengesAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CompilaDb>();
        var rows = await db.Challenges.AsNoTracking().OrderBy(c => c.Slug).ToListAsync();
        return rows.Select(c => new ChallengeInfo(c.Id, c.Slug, c.Stack, c.Level, [.. c.Technologies])).ToList();
    }

    /// <summary>Times to whole seconds, so both providers store them exactly.</summary>
    public static DateTimeOffset At(int daysAgo, int hour = 12) =>
        new DateTimeOffset(DateTimeOffset.UtcNow.UtcDateTime.Date, TimeSpan.Zero).AddDays(-daysAgo).AddHours(hour);

    public static async Task<(Guid SubmissionId, List<Guid> EventIds)> JudgeAsync(
        IServiceProvider services, Guid userId, ChallengeInfo challenge, string language, bool passed, DateTimeOffset judgedAt)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CompilaDb>();
        var events = scope.ServiceProvider.GetRequiredService<IEventPublisher>();
        var attempt = await db.Submissions.CountAsync(s => s.UserId == userId && s.ChallengeId == challenge.Id) + 1;
        var passedBefore = await db.Submissions.AnyAsync(s => s.UserId == userId && s.ChallengeId == challenge.Id && s.Status == SubmissionStatus.Passed);
        var submission = new Submission
        {
            UserId = userId,
            ChallengeId = challenge.Id,
            Code = "# solução",
            Language = language,
            Status = passed ? SubmissionStatus.Passed : SubmissionStatus.Failed,
            Score = passed ? 100 : 0,
            AttemptNumber = attempt,
            SubmittedAt = judgedAt.AddSeconds(-5),
            JudgedAt = judgedAt,
        };
        db.Submissions.Add(submission);
        events.Publish(new SubmissionJudged(submission.Id, userId, challenge.Id, language, passed ? "passed" : "failed",
            submission.Score.Value, attempt, 0, submission.SubmittedAt, judgedAt));
        if (passed)
        {
            events.Publish(new ChallengePassed(submission.Id, userId, challenge.Id, challenge.Slug, language,
                EnumLabels.ToLabel(challenge.Stack), EnumLabels.ToLabel(challenge.Level), challenge.Technologies, !passedBefore, judgedAt));
        }

        var ids = db.ChangeTracker.Entries<OutboxEvent>().Select(e => e.Entity.Id).ToList();
        await db.SaveChangesAsync();
        return (submission.Id, ids);
    }

    /// <summary>A redelivery, as after a crash between handling an event and marking it dispatched.</summary>
    public static async Task RedeliverAsync(IServiceProvider services, IEnumerable<Guid> eventIds)
    {
        var ids = eventIds.ToList();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CompilaDb>();
        await db.Set<OutboxEvent>().Where(e => ids.Contains(e.Id))
            .ExecuteUpdateAsync(e => e.SetProperty(x => x.DispatchedAt, (DateTimeOffset?)null));
    }

    public static string Json<T>(T value) => JsonSerializer.Serialize(value);
}
