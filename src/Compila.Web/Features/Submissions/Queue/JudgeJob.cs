using Compila.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compila.Web.Features.Submissions.Queue;

/// <summary>A row of the embedded, database-backed queue: claimed with a lease, retried when the lease lapses.</summary>
public sealed class JudgeJob
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SubmissionId { get; set; }
    public JudgeJobState State { get; set; } = JudgeJobState.Queued;
    public int Attempts { get; set; }
    public DateTimeOffset AvailableAt { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
    public string? LeasedBy { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public enum JudgeJobState
{
    Queued,
    Leased,
    Done,
    Dead,
}

internal sealed class JudgeJobConfiguration : IEntityTypeConfiguration<JudgeJob>
{
    public void Configure(EntityTypeBuilder<JudgeJob> job)
    {
        job.ToTable("judge_jobs", t => t.HasCheckConstraint("ck_judge_jobs_state", EnumLabels.CheckSql<JudgeJobState>("state")));
        job.HasKey(j => j.Id);
        job.Property(j => j.State).HasConversion(EnumLabels.Converter<JudgeJobState>()).HasMaxLength(20);
        job.Property(j => j.LeasedBy).HasMaxLength(100);
        job.Property(j => j.LastError).HasMaxLength(1000);
        job.HasIndex(j => new { j.State, j.AvailableAt });
        job.HasIndex(j => j.SubmissionId);
        job.HasOne<Submission>().WithMany().HasForeignKey(j => j.SubmissionId).OnDelete(DeleteBehavior.Cascade);
    }
}
