namespace Compila.Web.Features.Users.Contracts;

/// <summary>
/// How other features read who a user is and whether a viewer may see them. Every feature that shows one user's
/// data to another person asks <see cref="CanViewAsync"/>; every list of people (leaderboards, search, feeds)
/// keeps only <see cref="PublicUserIds"/>, so a private profile leaks nowhere.
/// </summary>
public interface IUserDirectory
{
    /// <summary>The user with this username (any case, surrounding spaces ignored), or null.</summary>
    Task<ProfileOwner?> FindByUsernameAsync(string username, CancellationToken ct);

    Task<ProfileOwner?> FindByIdAsync(Guid userId, CancellationToken ct);

    /// <summary>
    /// The owner always; anyone when public; when link-only, whoever presents the current share token; when
    /// private, nobody else. Callers answer 404 (not 403) when this is false, so existence does not leak.
    /// </summary>
    Task<bool> CanViewAsync(ProfileOwner owner, Guid? viewerId, string? shareToken, CancellationToken ct = default);

    /// <summary>
    /// The address a user can be reached at. Only for someone the user chose to share it with (a company they applied
    /// to); never listed or shown to the public.
    /// </summary>
    Task<string?> ContactEmailAsync(Guid userId, CancellationToken ct);

    /// <summary>Ids of users whose profile is public; composes in the caller's query (a SQL subquery).</summary>
    IQueryable<Guid> PublicUserIds();
}

/// <summary>What other features may know of a user: the public columns plus visibility. No email, plan or secrets.</summary>
public sealed record ProfileOwner(
    Guid Id,
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
    DateTimeOffset CreatedAt,
    ProfileVisibility Visibility,
    ProfileSections Sections);
