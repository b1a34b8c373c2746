using Compila.Web.Features.Submissions.Contracts;
using Compila.Web.Infrastructure.Events;
using Compila.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compila.Web.Features.Portfolio.Activity;

/// <summary>
/// Judged submissions of one learner on one São Paulo calendar day (the day streaks use), for the profile's heatmap.
/// LGPD: exported with the portfolio; deleted with the learner (a <c>UserDeleted</c> handler, when Accounts publishes it).
/// </summary>
public sealed class ActivityDay
{
    public Guid UserId { get; set; }
    public DateOnly Day { get; set; }
    public int Judged { get; set; }

    public static readonly TimeZoneInfo SaoPaulo = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");

    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, SaoPaulo).DateTime);
}

internal sealed class ActivityDayConfiguration : IEntityTypeConfiguration<ActivityDay>
{
    public void Configure(EntityTypeBuilder<ActivityDay> day)
    {
        day.ToTable("portfolio_activity_days", t => t.HasCheckConstraint("ck_portfolio_activity_days_judged_positive", "judged > 0"));
        day.HasKey(d => new { d.UserId, d.Day });
    }
}

/// <summary>
/// <c>portfolio.activity</c>: one more judged submission on its day. The increment is one UPDATE, so concurrent
/// results for the same day cannot lose each other; a first result of the day inserts, and two racing inserts
/// collide on the key, the loser being retried into the UPDATE. The deliverer's (event, handler) record makes a
/// redelivery change nothing.
/// </summary>
internal sealed class ActivityRecorder(CompilaDb db) : IEventHandler<SubmissionJudged>
{
    public async Task HandleAsync(SubmissionJudged judged, EventMetadata metadata, CancellationToken ct)
    {
        var day = ActivityDay.DayOf(judged.JudgedAt);
        var days = db.Set<ActivityDay>();
        var updated = await days.Where(d => d.UserId == judged.UserId && d.Day == day)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Judged, d => d.Judged + 1), ct);
        if (updated == 0)
        {
            days.Add(new ActivityDay { UserId = judged.UserId, Day = day, Judged = 1 });
        }
    }
}

public sealed record HeatmapDay(DateOnly Date, int Count);

/// <summary>The last 365 days (today included, São Paulo), only days with activity listed.</summary>
public sealed record Heatmap(DateOnly From, DateOnly To, int Total, int ActiveDays, IReadOnlyList<HeatmapDay> Days);

internal sealed class ActivityHeatmap(CompilaDb db, TimeProvider clock)
{
    public async Task<Heatmap> LastYearAsync(Guid userId, CancellationToken ct)
    {
        var to = ActivityDay.DayOf(clock.GetUtcNow());
        var from = to.AddDays(-364);
        var days = await db.Set<ActivityDay>().AsNoTracking()
            .Where(d => d.UserId == userId && d.Day >= from && d.Day <= to)
            .OrderBy(d => d.Day).Select(d => new HeatmapDay(d.Day, d.Judged)).ToListAsync(ct);
        return new Heatmap(from, to, days.Sum(d => d.Count), days.Count, days);
    }
}
