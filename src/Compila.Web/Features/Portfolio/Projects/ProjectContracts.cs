using System.Text.Json;

namespace Compila.Web.Features.Portfolio.Projects;

/// <summary>
/// A project's editable fields. On create and on PUT (which replaces them) title and stack are required; an absent
/// slug is made from the title; an absent <c>featured</c> or <c>showCode</c> keeps its value (false for a new project).
/// </summary>
public sealed record ProjectRequest(
    string? Title,
    string? Slug,
    string? ShortDescription,
    string? LongDescription,
    string? Stack,
    List<string>? Technologies,
    string? DemoUrl,
    string? RepoUrl,
    bool? Featured,
    bool? ShowCode);

/// <summary>The owner's projects in the order to show them: every id of theirs, once.</summary>
public sealed record ProjectOrderRequest(List<Guid>? Ids);

/// <summary>Options for turning a passed submission into a project.</summary>
public sealed record FromSubmissionRequest(bool? ShowCode);

public sealed record ProjectResource(
    Guid Id,
    Guid OwnerId,
    string Title,
    string Slug,
    string? ShortDescription,
    string? LongDescription,
    string? LongDescriptionHtml,
    string Stack,
    IReadOnlyList<string> Technologies,
    string? DemoUrl,
    string? RepoUrl,
    string? ThumbnailUrl,
    IReadOnlyList<string> Images,
    bool Featured,
    int DisplayOrder,
    int Views,
    int Likes,
    bool ShowCode,
    ProjectVerification? Verification,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

public sealed record LikeResource(int Likes, bool Liked);

/// <summary>
/// A signed verification record. <see cref="Payload"/> is the canonical JSON that <see cref="Signature"/> signs
/// (ES256, base64url r‖s, key <see cref="Kid"/> from <see cref="KeysUrl"/>); <see cref="Record"/> is the same
/// JSON parsed, for reading. <see cref="Code"/> is present only when the owner chose to show it; its SHA-256 is
/// in the record either way.
/// </summary>
public sealed record VerificationResource(
    Guid Id,
    string Alg,
    string Kid,
    string KeysUrl,
    string Payload,
    string Signature,
    JsonElement Record,
    string ProjectTitle,
    string? Code);

public sealed record VerificationKeySet(IReadOnlyList<PublicKeyJwk> Keys);
