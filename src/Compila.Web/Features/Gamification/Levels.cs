namespace Compila.Web.Features.Gamification;

/// <summary>
/// The level curve: reaching level L takes 50·L·(L−1) XP (level 2 at 100, 3 at 300, 5 at 1 000, 10 at 4 500,
/// 20 at 19 000): each level asks a little more than the last, as challenges grow bigger. Levels fall in the
/// named bands of the spec's <c>user_level</c>.
/// </summary>
public static class Levels
{
    public static int ThresholdFor(int level) => 50 * level * (level - 1);

    public static int ForXp(int xp)
    {
        var level = 1;
        while (ThresholdFor(level + 1) <= xp)
        {
            level++;
        }

        return level;
    }

    /// <summary>beginner 1–4, junior 5–9, mid 10–14, senior 15–19, expert 20+.</summary>
    public static string BandOf(int level) => level switch
    {
        < 5 => "beginner",
        < 10 => "junior",
        < 15 => "mid",
        < 20 => "senior",
        _ => "expert",
    };
}
