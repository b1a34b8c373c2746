using Compila.Web.Infrastructure.Data;
using Compila.Web.Infrastructure.Identity;

namespace Compila.Web.Features.Users;

/// <summary>The signed-in user's own view, including private fields (email, plan).</summary>
public sealed record UserProfile(
    Guid Id,
    string Username,
    string Email,
    string? FullName,
    string? Bio,
    string? AvatarUrl,
    string? Location,
    string? WebsiteUrl,
    string? GithubUrl,
    string? LinkedinUrl,
    int Level,
    int Xp,
    int StreakCurrent,
    int StreakBest,
    string SubscriptionPlan,
    DateTimeOffset? SubscriptionExpiresAt,
    IReadOnlyList<string> Roles,
    DateTimeOffset CreatedAt)
{
    public static UserProfile From(User u) => new(
        u.Id, u.Username, u.Email, u.FullName, u.Bio, u.AvatarUrl, u.Location, u.WebsiteUrl, u.GithubUrl, u.LinkedinUrl,
        u.Level, u.Xp, u.StreakCurrent, u.StreakBest, EnumLabels.ToLabel(u.SubscriptionPlan), u.SubscriptionExpiresAt,
        u.Roles.Select(r => r.Role).Order().ToList(), u.CreatedAt);
}

/// <summary>What anyone may see of a user: no email, no plan.</summary>
public sealed record PublicProfile(
    string Username,
    string? FullName,
    string? Bio,
    string? AvatarUrl,
    string? Location,
    string? WebsiteUrl,
    string? GithubUrl,
    string? LinkedinUrl,
    int Level,
    int Xp,
    int StreakCurrent,
    int StreakBest,
    DateTimeOffset CreatedAt)
{
    public static PublicProfile From(User u) => new(
        u.Username, u.FullName, u.Bio, u.AvatarUrl, u.Location, u.WebsiteUrl, u.GithubUrl, u.LinkedinUrl,
        u.Level, u.Xp, u.StreakCurrent, u.StreakBest, u.CreatedAt);
}
