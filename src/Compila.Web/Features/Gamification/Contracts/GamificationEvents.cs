using Compila.Web.Infrastructure.Events;

namespace Compila.Web.Features.Gamification.Contracts;

/// <summary>XP earned by a judged submission (only when it earned some); <paramref name="Stack"/> is the challenge's.</summary>
public sealed record XpAwarded(Guid UserId, Guid SubmissionId, Guid ChallengeId, string Stack, int Xp, int TotalXp, DateTimeOffset AwardedAt) : IPublishedEvent
{
    public static string Type => "xp_awarded";
}

/// <summary>The learner reached a higher level; <paramref name="Band"/> is the level's name (Iniciante, ...).</summary>
public sealed record LevelReached(Guid UserId, int From, int To, string Band, int Xp, DateTimeOffset ReachedAt) : IPublishedEvent
{
    public static string Type => "level_reached";
}

public sealed record BadgeEarned(Guid UserId, string BadgeId, string Name, string Rarity, string? IconUrl, DateTimeOffset EarnedAt) : IPublishedEvent
{
    public static string Type => "badge_earned";
}
