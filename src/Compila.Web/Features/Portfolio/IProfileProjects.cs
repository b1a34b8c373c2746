namespace Compila.Web.Features.Portfolio;

/// <summary>
/// The projects a public profile shows (featured first, then the owner's order), supplied by Portfolio's projects
/// so the profile does not read their table.
/// </summary>
public interface IProfileProjects
{
    Task<IReadOnlyList<ProfileProject>> ShownOnProfileAsync(Guid ownerId, CancellationToken ct);
}

public sealed record ProfileProject(
    Guid Id,
    string Title,
    string Slug,
    string? ShortDescription,
    string Stack,
    IReadOnlyList<string> Technologies,
    string? DemoUrl,
    string? RepoUrl,
    string? ThumbnailUrl,
    bool Featured,
    int DisplayOrder,
    int Views,
    int Likes,
    ProjectVerification? Verification);

/// <summary>What the server attests for a project made from a passed submission; <see cref="Url"/> is public.</summary>
public sealed record ProjectVerification(
    Guid Id,
    Guid ChallengeId,
    string ChallengeSlug,
    string Language,
    int TestsPassed,
    int TestsTotal,
    DateTimeOffset PassedAt,
    string Url);
