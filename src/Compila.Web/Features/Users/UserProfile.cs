using Compila.Web.Features.Users.Contracts;
using Compila.Web.Infrastructure.Data;
using Compila.Web.Infrastructure.Identity;

namespace Compila.Web.Features.Users;

/// <summary>
/// The signed-in user's own view, including private fields (email, plan) and how the profile is shared:
/// <paramref name="Visibility"/> is <c>public</c>, <c>private</c> or <c>link</c>; <paramref name="ShareLinkCreatedAt"/>
/// is set while a share link exists (its token is shown only when created).
/// </summary>
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
    DateTimeOffset CreatedAt,
    string Visibility,
    ProfileSections Sections,
    DateTimeOffset? ShareLinkCreatedAt)
{
    public static UserProfile From(User u) => new(
        u.Id, u.Username, u.Email, u.FullName, u.Bio, u.AvatarUrl, u.Location, u.WebsiteUrl, u.GithubUrl, u.LinkedinUrl,
        u.Level, u.Xp, u.StreakCurrent, u.StreakBest, EnumLabels.ToLabel(u.SubscriptionPlan), u.SubscriptionExpiresAt,
        u.Roles.Select(r => r.Role).Order().ToList(), u.CreatedAt,
        EnumLabels.ToLabel(u.ProfileVisibility), u.ProfileSections, u.ProfileShareTokenHash is null ? null : u.ProfileShareTokenCreatedAt);
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
    public static PublicProfile From(ProfileOwner u) => new(
        u.Username, u.FullName, u.Bio, u.AvatarUrl, u.Location, u.WebsiteUrl, u.GithubUrl, u.LinkedinUrl,
        u.Level, u.Xp, u.StreakCurrent, u.StreakBest, u.CreatedAt);
}

/// <summary>A new share link. <paramref name="Token"/> is shown only now; <paramref name="Path"/> is the page to send.</summary>
public sealed record ShareLink(string Token, string Path, string Visibility, DateTimeOffset CreatedAt);
