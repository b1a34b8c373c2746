namespace Compila.Web.Features.Gamification;

/// <summary>
/// Streak rules. An active day is a day (America/Sao_Paulo) on which the learner sent at least one submission
/// that was judged, whatever the result: practising, failing included, is what we want to reward. The
/// current streak is the run of consecutive active days ending on the latest one; it breaks when a whole
/// São Paulo day passes without activity.
/// </summary>
public static class Streaks
{
    public static readonly TimeZoneInfo SaoPaulo = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");

    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, SaoPaulo).DateTime);

    /// <summary>(current run ending on the latest active day, longest run ever).</summary>
    public static (int Current, int Best) Compute(IEnumerable<DateOnly> activeDays)
    {
        var days = activeDays.Distinct().Order().ToList();
        if (days.Count == 0)
        {
            return (0, 0);
        }

        int best = 1, run = 1;
        for (var i = 1; i < days.Count; i++)
        {
            run = days[i].DayNumber - days[i - 1].DayNumber == 1 ? run + 1 : 1;
            best = Math.Max(best, run);
        }

        return (run, best);
    }

    /// <summary>The streak as of <paramref name="today"/>: still alive if the latest active day is today or yesterday.</summary>
    public static int CurrentAsOf(DateOnly? latestActiveDay, int storedCurrent, DateOnly today) =>
        latestActiveDay is { } latest && today.DayNumber - latest.DayNumber <= 1 ? storedCurrent : 0;
}
