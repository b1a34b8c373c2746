using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compila.Web.Features.Jobs.Assessments;

/// <summary>
/// A private assessment a company sends one candidate, for instance as the test step of a process run on another
/// hiring platform: a set of catalog challenges and a time window. The link's token is stored only as a SHA-256;
/// the first signed-in learner who opens it becomes its candidate, and only passes judged inside the window after
/// that count. Results go to the company that created it, nobody else.
/// LGPD: company data plus the candidate's results; deleted with the company, the candidate's part with the candidate.
/// </summary>
public sealed class Assessment
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CompanyId { get; set; }
    public required string Title { get; set; }
    public List<Guid> ChallengeIds { get; set; } = [];
    public List<string> ChallengeSlugs { get; set; } = [];
    public DateTimeOffset OpensAt { get; set; }
    public DateTimeOffset ClosesAt { get; set; }
    public required string TokenHash { get; set; }
    public Guid? CandidateId { get; set; }
    public DateTimeOffset? ClaimedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// The first pass of one of an assessment's challenges inside its window: the server's verdict, with its submission,
/// signed as portfolio projects are (<see cref="Payload"/> is the canonical JSON <see cref="Signature"/> signs).
/// </summary>
public sealed class AssessmentPass
{
    public Guid AssessmentId { get; set; }
    public Guid ChallengeId { get; set; }
    public Guid SubmissionId { get; set; }
    public required string Language { get; set; }
    public DateTimeOffset PassedAt { get; set; }
    public required string Payload { get; set; }
    public required string Signature { get; set; }
    public required string KeyId { get; set; }
}

internal sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> assessment)
    {
        assessment.ToTable("job_assessments", t => t.HasCheckConstraint("ck_job_assessments_window", "opens_at < closes_at"));
        assessment.HasKey(a => a.Id);
        assessment.Property(a => a.Title).HasMaxLength(AssessmentRules.TitleMax);
        assessment.Property(a => a.TokenHash).HasMaxLength(64);
        assessment.HasIndex(a => a.TokenHash).IsUnique();
        assessment.HasIndex(a => new { a.CompanyId, a.CreatedAt });
        assessment.HasIndex(a => a.CandidateId);
        assessment.HasOne<Companies.CompanyProfile>().WithMany().HasForeignKey(a => a.CompanyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AssessmentPassConfiguration : IEntityTypeConfiguration<AssessmentPass>
{
    public void Configure(EntityTypeBuilder<AssessmentPass> pass)
    {
        pass.ToTable("job_assessment_passes");
        pass.HasKey(p => new { p.AssessmentId, p.ChallengeId });
        pass.Property(p => p.Language).HasMaxLength(50);
        pass.Property(p => p.Signature).HasMaxLength(200);
        pass.Property(p => p.KeyId).HasMaxLength(100);
        pass.HasOne<Assessment>().WithMany().HasForeignKey(p => p.AssessmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
