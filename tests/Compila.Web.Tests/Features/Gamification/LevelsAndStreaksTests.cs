using Compila.Web.Features.Gamification;

namespace Compila.Web.Tests.Features.Gamification;

[Trait("Lane", "Fast")]
public sealed class LevelsAndStreaksTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(99, 1)]
    [InlineData(100, 2)]
    [InlineData(299, 2)]
    [InlineData(300, 3)]
    [InlineData(1000, 5)]
    [InlineData(4500, 10)]
    [InlineData(19000, 20)]
    public void Level_FollowsTheDocumentedCurve(int xp, int level) => Assert.Equal(level, Levels.ForXp(xp));

    [Theory]
    [InlineData(1, "beginner")]
    [InlineData(5, "junior")]
    [InlineData(10, "mid")]
    [InlineData(15, "senior")]
    [InlineData(20, "expert")]
    [InlineData(42, "expert")]
    public void Level_FallsInTheSpecsNamedBands(int level, string band) => Assert.Equal(band, Levels.BandOf(level));

    [Fact]
    public void SaoPauloDay_ChangesAtLocalMidnight_NotUtc()
    {
        // 23:59 in São Paulo (UTC−3) is already 02:59 the next day in UTC.
        var lateNight = new DateTimeOffset(2026, 11, 10, 23, 59, 0, TimeSpan.FromHours(-3));
        var justAfterMidnight = new DateTimeOffset(2026, 11, 11, 0, 1, 0, TimeSpan.FromHours(-3));

        Assert.Equal(new DateOnly(2026, 11, 10), Streaks.DayOf(lateNight.ToUniversalTime()));
        Assert.Equal(new DateOnly(2026, 11, 11), Streaks.DayOf(justAfterMidnight.ToUniversalTime()));
    }

    [Fact]
    public void Streak_CountsConsecutiveDays_AndAMissedDayBreaksIt()
    {
        var days = new[] { new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 3), new DateOnly(2026, 11, 5), new DateOnly(2026, 11, 6) };

        var (current, best) = Streaks.Compute(days);

        Assert.Equal(2, current);
        Assert.Equal(3, best);
    }

    [Fact]
    public void Streak_IsZeroOnceAWholeDayPassesWithoutActivity()
    {
        var latest = new DateOnly(2026, 11, 10);

        Assert.Equal(4, Streaks.CurrentAsOf(latest, 4, new DateOnly(2026, 11, 10)));
        Assert.Equal(4, Streaks.CurrentAsOf(latest, 4, new DateOnly(2026, 11, 11)));
        Assert.Equal(0, Streaks.CurrentAsOf(latest, 4, new DateOnly(2026, 11, 12)));
    }
}
