namespace Compila.Web.Features.Portfolio.Export;

/// <summary>
/// Everything the PDF CV shows, gathered before rendering so the renderer reads no database. <see cref="Branded"/>
/// draws the "Gerado em … por compila.dev" footer: on for the free plan, off for plans that unlock
/// <c>PlanCapability.CvWithoutBranding</c>. The verification lines and the public profile link stay either way: they
/// are the CV's evidence, not an advertisement.
/// </summary>
public sealed record CvDocument(
    string Name,
    string Username,
    string? Headline,
    string? Location,
    IReadOnlyList<CvLink> Links,
    int Level,
    int Xp,
    int ChallengesPassed,
    IReadOnlyList<CvSkill> Skills,
    IReadOnlyList<CvProject> Projects,
    IReadOnlyList<CvBadge> Badges,
    string PublicUrl,
    DateTimeOffset GeneratedAt,
    bool Branded = true);

public sealed record CvLink(string Label, string Url);

/// <summary>
/// A verified skill: a language, technology or stack (<paramref name="Kind"/>: <c>language</c>, <c>technology</c>,
/// <c>stack</c>), the distinct challenges passed in it and the highest challenge level among them.
/// </summary>
public sealed record CvSkill(string Kind, string Name, int ChallengesPassed, string? TopLevel);

/// <summary>A featured project; <see cref="Verification"/> is the server's attestation, already phrased for people.</summary>
public sealed record CvProject(string Title, string? ShortDescription, string? Stack, IReadOnlyList<string> Technologies, string? Url, string? Verification);

public sealed record CvBadge(string Name, string? Description);
