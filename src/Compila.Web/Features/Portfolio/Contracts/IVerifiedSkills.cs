using Compila.Web.Features.Challenges.Contracts;

namespace Compila.Web.Features.Portfolio.Contracts;

/// <summary>What a skill names: a programming language (<c>python</c>), a challenge technology (<c>sql</c>) or a stack (<c>backend</c>).</summary>
public enum SkillKind
{
    Language,
    Technology,
    Stack,
}

/// <summary>
/// The one read model of verified skills: computed only from passed submissions (never self-declared), each
/// (learner, challenge, language) counted once however often it was passed. Jobs matching, learning paths and the
/// public profile read it; none of them recomputes skills from submissions. Results include every learner:
/// callers that show people to others keep only <c>IUserDirectory.PublicUserIds()</c> (or the opted-in ones).
/// </summary>
public interface IVerifiedSkills
{
    /// <summary>The learner's skills, most challenges first, each with its evidence (most recent first).</summary>
    Task<IReadOnlyList<VerifiedSkill>> OfUserAsync(Guid userId, CancellationToken ct);

    /// <summary>
    /// Learners who passed at least <paramref name="minChallenges"/> distinct challenges of level
    /// <paramref name="atLeast"/> or higher in the skill; composes in the caller's query (SQL).
    /// Names are matched as stored: lower case (<c>python</c>, <c>sql</c>, <c>backend</c>).
    /// </summary>
    IQueryable<Guid> UsersWithSkill(SkillKind kind, string name, ChallengeLevel atLeast, int minChallenges = 1);
}

/// <summary>
/// One skill of one learner. <paramref name="ChallengesPassed"/> counts distinct challenges (a challenge passed in two
/// languages counts once for its stack and technologies); <paramref name="ByLevel"/> splits that count by level.
/// </summary>
public sealed record VerifiedSkill(
    SkillKind Kind,
    string Name,
    int ChallengesPassed,
    IReadOnlyDictionary<ChallengeLevel, int> ByLevel,
    ChallengeLevel HighestLevel,
    DateTimeOffset FirstEvidenceAt,
    DateTimeOffset LastEvidenceAt,
    IReadOnlyList<SkillEvidence> Evidence);

/// <summary>The first passing submission of a challenge in a language: what the server attests.</summary>
public sealed record SkillEvidence(
    Guid SubmissionId,
    Guid ChallengeId,
    string ChallengeSlug,
    string Language,
    ChallengeStack Stack,
    ChallengeLevel Level,
    IReadOnlyList<string> Technologies,
    DateTimeOffset PassedAt);
