using Compila.Web.Features.Challenges.Contracts;
using Compila.Web.Features.Submissions.Contracts;
using Compila.Web.Infrastructure.Data;
using Compila.Web.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;

namespace Compila.Web.Features.Portfolio.Skills;

/// <summary>A pass as the skills read model sees it, from an event or from history.</summary>
internal sealed record PassFact(
    Guid SubmissionId, Guid UserId, Guid ChallengeId, string ChallengeSlug, string Language,
    ChallengeStack Stack, ChallengeLevel Level, IReadOnlyList<string> Technologies, DateTimeOffset PassedAt)
{
    /// <summary>Earliest pass wins, ties by submission id: the same answer whatever order passes arrive in.</summary>
    public bool IsEarlierThan(VerifiedChallenge row) =>
        PassedAt < row.PassedAt || (PassedAt == row.PassedAt && SubmissionId.CompareTo(row.SubmissionId) < 0);

    public static string Normalize(string name) => name.Trim().ToLowerInvariant();

    public VerifiedChallenge ToRow()
    {
        var row = new VerifiedChallenge
        {
            UserId = UserId, ChallengeId = ChallengeId, Language = Normalize(Language), ChallengeSlug = ChallengeSlug,
            Stack = Stack, Level = Level, SubmissionId = SubmissionId, PassedAt = PassedAt,
        };
        row.Technologies = TechnologyRows(row);
        return row;
    }

    public void CopyEvidenceTo(VerifiedChallenge row)
    {
        row.ChallengeSlug = ChallengeSlug;
        row.Stack = Stack;
        row.Level = Level;
        row.SubmissionId = SubmissionId;
        row.PassedAt = PassedAt;
        var wanted = TechnologyRows(row);
        row.Technologies.RemoveAll(t => !wanted.Any(w => w.Technology == t.Technology));
        foreach (var technology in wanted)
        {
            if (row.Technologies.FirstOrDefault(t => t.Technology == technology.Technology) is { } kept)
            {
                kept.Level = Level;
            }
            else
            {
                row.Technologies.Add(technology);
            }
        }
    }

    List<VerifiedTechnology> TechnologyRows(VerifiedChallenge row) => Technologies
        .Select(Normalize).Where(t => t.Length is > 0 and <= 100).Distinct()
        .Select(t => new VerifiedTechnology { UserId = row.UserId, ChallengeId = row.ChallengeId, Language = row.Language, Technology = t, Level = Level })
        .ToList();
}

/// <summary>
/// <c>portfolio.skills</c>: records a pass as evidence of (learner, challenge, language), once. A second pass, or a
/// redelivery, finds the row and changes nothing unless it is an earlier pass (out-of-order delivery); the
/// deliverer's (event, handler) record makes a redelivery a no-op anyway. Two first passes racing on PostgreSQL
/// collide on the primary key and the loser is retried, then finds the row.
/// </summary>
internal sealed class SkillsRecorder(CompilaDb db, ILogger<SkillsRecorder> logger) : IEventHandler<ChallengePassed>
{
    public async Task HandleAsync(ChallengePassed passed, EventMetadata metadata, CancellationToken ct)
    {
        if (!EnumLabels.TryParse<ChallengeStack>(passed.Stack, out var stack) || !EnumLabels.TryParse<ChallengeLevel>(passed.Level, out var level))
        {
            // Not retryable: a later delivery carries the same labels. The rebuild command reads the challenge's current ones.
            logger.LogWarning("ChallengePassed {EventId} has an unknown stack or level ({Stack}, {Level}); not recorded.", metadata.EventId, passed.Stack, passed.Level);
            return;
        }

        var fact = new PassFact(passed.SubmissionId, passed.UserId, passed.ChallengeId, passed.ChallengeSlug, passed.Language,
            stack, level, passed.Technologies, passed.PassedAt);
        var language = PassFact.Normalize(passed.Language);
        var row = await db.Set<VerifiedChallenge>().Include(v => v.Technologies)
            .SingleOrDefaultAsync(v => v.UserId == passed.UserId && v.ChallengeId == passed.ChallengeId && v.Language == language, ct);
        if (row is null)
        {
            db.Set<VerifiedChallenge>().Add(fact.ToRow());
        }
        else if (fact.IsEarlierThan(row))
        {
            fact.CopyEvidenceTo(row);
        }
    }
}
