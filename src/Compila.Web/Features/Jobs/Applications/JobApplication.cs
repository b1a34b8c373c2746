using Compila.Web.Features.Jobs.Postings;
using Compila.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compila.Web.Features.Jobs.Applications;

public enum ApplicationStatus
{
    Received,
    Reviewing,
    Interview,
    Offer,
    Rejected,
    Withdrawn,
}

/// <summary>
/// One candidate's application to one job, with the portfolio as it was when they applied (<see cref="Snapshot"/>,
/// JSON of <see cref="PortfolioSnapshot"/>): the company judges the evidence the candidate chose to send.
/// LGPD: the candidate's data shared with one company; exported with the candidate, deleted with either account.
/// </summary>
public sealed class JobApplication
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid JobId { get; set; }
    public Guid CandidateId { get; set; }
    public string? Note { get; set; }
    public required string Snapshot { get; set; }
    public ApplicationStatus Status { get; set; } = ApplicationStatus.Received;

    /// <summary>
    /// Whether the candidate's plan unlocked featured applications when they applied (a snapshot: a later plan change
    /// does not move it). The company sees a badge, and among applicants of equal score featured ones come first;
    /// nobody is hidden or pushed below a better score.
    /// </summary>
    public bool Featured { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>A company's decision is final once an offer is made or the candidate is turned down or withdraws.</summary>
    public bool IsFinal => Status is ApplicationStatus.Offer or ApplicationStatus.Rejected or ApplicationStatus.Withdrawn;
}

internal sealed class JobApplicationConfiguration : IEntityTypeConfiguration<JobApplication>
{
    public void Configure(EntityTypeBuilder<JobApplication> application)
    {
        application.ToTable("job_applications", t =>
            t.HasCheckConstraint("ck_job_applications_status", EnumLabels.CheckSql<ApplicationStatus>("status")));
        application.HasKey(a => a.Id);
        application.Property(a => a.Note).HasMaxLength(ApplicationRules.NoteMax);
        application.Property(a => a.Snapshot).IsJson();
        application.Property(a => a.Status).HasConversion(EnumLabels.Converter<ApplicationStatus>()).HasMaxLength(20);
        application.HasOne<Job>().WithMany().HasForeignKey(a => a.JobId).OnDelete(DeleteBehavior.Cascade);
        application.HasIndex(a => new { a.JobId, a.CandidateId }).IsUnique();
        application.HasIndex(a => new { a.CandidateId, a.CreatedAt });
    }
}
