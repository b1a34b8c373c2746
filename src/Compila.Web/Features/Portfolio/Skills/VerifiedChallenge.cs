using Compila.Web.Features.Challenges.Contracts;
using Compila.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compila.Web.Features.Portfolio.Skills;

/// <summary>
/// One (learner, challenge, language) passed, with its evidence: the earliest passing submission. Fed by
/// <c>ChallengePassed</c> and rebuilt from history; never written by anyone else.
/// LGPD: exported with the learner's portfolio; deleted with the learner (a <c>UserDeleted</c> handler, when Accounts publishes it).
/// </summary>
public sealed class VerifiedChallenge
{
    public Guid UserId { get; set; }
    public Guid ChallengeId { get; set; }
    public required string Language { get; set; }
    public required string ChallengeSlug { get; set; }
    public ChallengeStack Stack { get; set; }
    public ChallengeLevel Level { get; set; }
    public Guid SubmissionId { get; set; }
    public DateTimeOffset PassedAt { get; set; }
    public List<VerifiedTechnology> Technologies { get; set; } = [];
}

/// <summary>A technology a verified challenge exercises; a row of its own so "who knows X at level Y" is plain SQL on both providers.</summary>
public sealed class VerifiedTechnology
{
    public Guid UserId { get; set; }
    public Guid ChallengeId { get; set; }
    public required string Language { get; set; }
    public required string Technology { get; set; }
    public ChallengeLevel Level { get; set; }
}

internal sealed class VerifiedChallengeConfiguration : IEntityTypeConfiguration<VerifiedChallenge>
{
    public void Configure(EntityTypeBuilder<VerifiedChallenge> verified)
    {
        verified.ToTable("portfolio_verified_challenges", t =>
        {
            t.HasCheckConstraint("ck_portfolio_verified_challenges_stack", EnumLabels.CheckSql<ChallengeStack>("stack"));
            t.HasCheckConstraint("ck_portfolio_verified_challenges_level", EnumLabels.CheckSql<ChallengeLevel>("level"));
        });
        verified.HasKey(v => new { v.UserId, v.ChallengeId, v.Language });
        verified.Property(v => v.Language).HasMaxLength(50);
        verified.Property(v => v.ChallengeSlug).HasMaxLength(200);
        verified.Property(v => v.Stack).HasConversion(EnumLabels.Converter<ChallengeStack>()).HasMaxLength(20);
        verified.Property(v => v.Level).HasConversion(EnumLabels.Converter<ChallengeLevel>()).HasMaxLength(20);
        verified.HasMany(v => v.Technologies).WithOne()
            .HasForeignKey(t => new { t.UserId, t.ChallengeId, t.Language }).OnDelete(DeleteBehavior.Cascade);
        verified.HasIndex(v => new { v.Language, v.Level }).HasDatabaseName("idx_portfolio_verified_challenges_language_level");
        verified.HasIndex(v => new { v.Stack, v.Level }).HasDatabaseName("idx_portfolio_verified_challenges_stack_level");
    }
}

internal sealed class VerifiedTechnologyConfiguration : IEntityTypeConfiguration<VerifiedTechnology>
{
    public void Configure(EntityTypeBuilder<VerifiedTechnology> technology)
    {
        technology.ToTable("portfolio_verified_technologies", t =>
            t.HasCheckConstraint("ck_portfolio_verified_technologies_level", EnumLabels.CheckSql<ChallengeLevel>("level")));
        technology.HasKey(t => new { t.UserId, t.ChallengeId, t.Language, t.Technology });
        technology.Property(t => t.Language).HasMaxLength(50);
        technology.Property(t => t.Technology).HasMaxLength(100);
        technology.Property(t => t.Level).HasConversion(EnumLabels.Converter<ChallengeLevel>()).HasMaxLength(20);
        technology.HasIndex(t => new { t.Technology, t.Level }).HasDatabaseName("idx_portfolio_verified_technologies_technology_level");
    }
}
