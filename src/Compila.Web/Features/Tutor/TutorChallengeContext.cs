using System.Text.Json;
using Compila.ChallengeSuites.Running;
using Compila.Web.Features.Challenges.Content;
using Compila.Web.Features.Challenges.Contracts;
using Compila.Web.Features.Submissions;
using Compila.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Compila.Web.Features.Tutor;

/// <summary>
/// What the tutor knows of the challenge a conversation was opened from: the statement and the learner's last
/// submission, never the reference solution or hidden cases (it keeps the solution's lines only to refuse them).
/// </summary>
internal sealed record TutorChallengeContext(
    string Title, string Statement, string? Language, string? LastCode, string? LastStatus, string? FirstFailingVisible,
    bool MaySeeSolution, IReadOnlyList<string> SolutionLines);

internal sealed class TutorChallengeContexts(IChallengeCatalog catalog, CompilaDb db, ChallengeContent content)
{
    /// <returns>The context, or null when the challenge or its content is unknown.</returns>
    public async Task<TutorChallengeContext?> LoadAsync(Guid userId, Guid challengeId, CancellationToken ct)
    {
        var challenge = await catalog.All().SingleOrDefaultAsync(c => c.Id == challengeId, ct);
        var source = challenge is null ? null : content.Find(challenge.Slug);
        if (challenge is null || source is null)
        {
            return null;
        }

        var last = await db.Submissions.AsNoTracking().Where(s => s.UserId == userId && s.ChallengeId == challengeId && s.Status != SubmissionStatus.Pending)
            .OrderByDescending(s => s.AttemptNumber).FirstOrDefaultAsync(ct);
        var passed = await db.Submissions.AnyAsync(s => s.UserId == userId && s.ChallengeId == challengeId && s.Status == SubmissionStatus.Passed, ct);
        string? failing = null;
        if (last?.TestResults is { } json && JsonSerializer.Deserialize<TestRunResult>(json, JsonSerializerOptions.Web) is { } results)
        {
            var first = results.Tests.FirstOrDefault(t => !t.Hidden && t.Status != TestStatus.Pass);
            failing = first is null ? null : $"\"{first.Name}\" (esperado: {first.Expected ?? "?"}; obtido: {first.Actual ?? first.Message ?? "erro"})";
        }

        return new TutorChallengeContext(challenge.Title, source.Description, last?.Language, last?.Code, last is null ? null : EnumLabels.ToLabel(last.Status),
            failing, passed, SolutionGuard.SolutionLines(source));
    }
}
