using System.Text.Json;
using Compila.Web.Features.Challenges.Contracts;
using Compila.Web.Features.Portfolio.Contracts;
using Compila.Web.Features.Users.Contracts;
using Compila.Web.Infrastructure.Data;

namespace Compila.Web.Features.Jobs.Applications;

public sealed record SnapshotEvidence(Guid SubmissionId, string ChallengeSlug, string Language, string Level, DateTimeOffset PassedAt);

public sealed record SnapshotSkill(
    string Kind, string Name, int ChallengesPassed, Dictionary<string, int> ByLevel, string HighestLevel,
    DateTimeOffset FirstEvidenceAt, DateTimeOffset LastEvidenceAt, IReadOnlyList<SnapshotEvidence> Evidence);

/// <summary>
/// The candidate's verified skills and level when they applied. The evidence ids point at passed submissions, so a
/// company can check each one against the public verification records.
/// </summary>
public sealed record PortfolioSnapshot(DateTimeOffset TakenAt, int Level, int Xp, IReadOnlyList<SnapshotSkill> Skills)
{
    const int EvidencePerSkill = 10;
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static PortfolioSnapshot Of(ProfileOwner owner, IReadOnlyList<VerifiedSkill> skills, DateTimeOffset now) =>
        new(now, owner.Level, owner.Xp, skills.Select(s => new SnapshotSkill(
            Label(s.Kind), s.Name, s.ChallengesPassed,
            s.ByLevel.ToDictionary(e => Label(e.Key), e => e.Value), Label(s.HighestLevel),
            s.FirstEvidenceAt, s.LastEvidenceAt,
            s.Evidence.Take(EvidencePerSkill).Select(e => new SnapshotEvidence(e.SubmissionId, e.ChallengeSlug, e.Language, Label(e.Level), e.PassedAt)).ToList()))
            .ToList());

    /// <summary>The skills as matching reads them (evidence details are not needed to score).</summary>
    public IReadOnlyList<VerifiedSkill> ToVerifiedSkills() =>
        Skills.Select(s => new VerifiedSkill(
            EnumLabels.Parse<SkillKind>(s.Kind), s.Name, s.ChallengesPassed,
            s.ByLevel.ToDictionary(e => EnumLabels.Parse<ChallengeLevel>(e.Key), e => e.Value),
            EnumLabels.Parse<ChallengeLevel>(s.HighestLevel), s.FirstEvidenceAt, s.LastEvidenceAt, [])).ToList();

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static PortfolioSnapshot FromJson(string json) =>
        JsonSerializer.Deserialize<PortfolioSnapshot>(json, Json) ?? throw new JsonException("Empty portfolio snapshot.");

    static string Label<TEnum>(TEnum value) where TEnum : struct, Enum => EnumLabels.ToLabel(value);
}
