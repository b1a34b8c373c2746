using Compila.Web.Features.Users.Contracts;
namespace Compila.Web.Features.Users;

/// <summary>The spec's <c>users</c> row.</summary>
public sealed class User
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Username { get; set; }
    public required string Email { get; set; }
    public string? PasswordHash { get; set; }

    public string? FullName { get; set; }
    public string? Bio { get; set; }
    public string? AvatarUrl { get; set; }
    public string? Location { get; set; }
    public string? WebsiteUrl { get; set; }
    public string? GithubUrl { get; set; }
    public string? LinkedinUrl { get; set; }

    public ProfileVisibility ProfileVisibility { get; set; } = ProfileVisibility.Public;

    /// <summary>SHA-256 (hex) of the current share link's token; the token itself is shown once and never stored.</summary>
    public string? ProfileShareTokenHash { get; set; }

    public DateTimeOffset? ProfileShareTokenCreatedAt { get; set; }

    public ProfileSections ProfileSections { get; set; } = ProfileSections.All;

    public int Level { get; set; } = 1;
    public int Xp { get; set; }
    public int StreakCurrent { get; set; }
    public int StreakBest { get; set; }

    public SubscriptionPlan SubscriptionPlan { get; set; } = SubscriptionPlan.Free;
    public DateTimeOffset? SubscriptionExpiresAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset LastActiveAt { get; set; }

    public List<UserRole> Roles { get; set; } = [];

    public bool IsInRole(string role) => Roles.Any(r => r.Role == role);
}

public enum SubscriptionPlan
{
    Free,
    Pro,
    ProPlus,
}

public sealed class UserRole
{
    public Guid UserId { get; set; }
    public required string Role { get; set; }
    public DateTimeOffset GrantedAt { get; set; }
}
