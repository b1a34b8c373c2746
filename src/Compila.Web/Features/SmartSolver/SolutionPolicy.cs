using Compila.Web.Features.Challenges;
using Compila.Web.Features.SmartSolver.Contracts;
using Compila.Web.Features.Submissions;
using Compila.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compila.Web.Features.SmartSolver;

/// <summary>A learner's explicit decision to see a challenge's solution before passing it (no XP for it afterwards).</summary>
public sealed class ChallengeGiveUp
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UserId { get; set; }
    public Guid ChallengeId { get; set; }
    public DateTimeOffset GivenUpAt { get; set; }
}

internal sealed class ChallengeGiveUpConfiguration : IEntityTypeConfiguration<ChallengeGiveUp>
{
    public void Configure(EntityTypeBuilder<ChallengeGiveUp> giveUp)
    {
        giveUp.ToTable("challenge_give_ups");
        giveUp.HasKey(g => g.Id);
        giveUp.HasIndex(g => new { g.UserId, g.ChallengeId }).IsUnique().HasDatabaseName("idx_challenge_give_ups_user_challenge");
        giveUp.HasOne<Users.User>().WithMany().HasForeignKey(g => g.UserId).OnDelete(DeleteBehavior.Cascade);
        giveUp.HasOne<Challenge>().WithMany().HasForeignKey(g => g.ChallengeId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>The reference solution is shown only after a pass or an explicit give-up.</summary>
internal sealed class SolutionPolicy : ISolutionPolicy
{
    public Task<bool> HasGivenUpAsync(CompilaDb db, Guid userId, Guid challengeId, CancellationToken ct) =>
        db.Set<ChallengeGiveUp>().AnyAsync(g => g.UserId == userId && g.ChallengeId == challengeId, ct);

    public static Task<bool> HasPassedAsync(CompilaDb db, Guid userId, Guid challengeId, CancellationToken ct) =>
        db.Submissions.AnyAsync(s => s.UserId == userId && s.ChallengeId == challengeId && s.Status == SubmissionStatus.Passed, ct);
}
