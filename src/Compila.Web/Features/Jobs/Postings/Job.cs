using Compila.Web.Features.Challenges.Contracts;
using Compila.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compila.Web.Features.Jobs.Postings;

public enum JobType
{
    Clt,
    Pj,
    Freelance,
    Internship,
}

public enum WorkModel
{
    Remote,
    Hybrid,
    Onsite,
}

public enum JobStatus
{
    Draft,
    Active,
    Closed,
}

/// <summary>
/// The spec's <c>jobs</c> row (<see cref="CompanyId"/> is the company user), plus the description rendered to safe
/// HTML and folded search text. <see cref="ApplicationsCount"/> counts applications not withdrawn, kept exact by the
/// same transaction that adds or withdraws one. LGPD: company data; deleted with the company account.
/// </summary>
public sealed class Job
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CompanyId { get; set; }
    public required string Title { get; set; }

    /// <summary>Markdown as the company wrote it.</summary>
    public required string Description { get; set; }
    public required string DescriptionHtml { get; set; }
    public List<string> Requirements { get; set; } = [];
    public ChallengeStack Stack { get; set; }
    public ChallengeLevel Level { get; set; }

    /// <summary>Lower case, aliases resolved (<c>golang</c> → <c>go</c>): the names verified skills use.</summary>
    public List<string> Technologies { get; set; } = [];
    public JobType Type { get; set; }
    public WorkModel WorkModel { get; set; }
    public string? Location { get; set; }
    public int? SalaryMin { get; set; }
    public int? SalaryMax { get; set; }
    public bool SalaryVisible { get; set; } = true;
    public int ApplicationsCount { get; set; }
    public JobStatus Status { get; set; } = JobStatus.Draft;

    /// <summary>Folded title, description, requirements and technologies (<c>SearchText.Fold</c>).</summary>
    public string SearchText { get; set; } = "";
    public string TitleSearch { get; set; } = "";
    public string LocationSearch { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>What a reader sees: an active job past its expiry is closed, before the sweeper stores it so.</summary>
    public JobStatus EffectiveStatus(DateTimeOffset now) =>
        Status == JobStatus.Active && ExpiresAt is { } expires && expires <= now ? JobStatus.Closed : Status;
}

internal sealed class JobConfiguration : IEntityTypeConfiguration<Job>
{
    public void Configure(EntityTypeBuilder<Job> job)
    {
        job.ToTable("jobs", t =>
        {
            t.HasCheckConstraint("ck_jobs_stack", EnumLabels.CheckSql<ChallengeStack>("stack"));
            t.HasCheckConstraint("ck_jobs_level", EnumLabels.CheckSql<ChallengeLevel>("level"));
            t.HasCheckConstraint("ck_jobs_type", EnumLabels.CheckSql<JobType>("type"));
            t.HasCheckConstraint("ck_jobs_work_model", EnumLabels.CheckSql<WorkModel>("work_model"));
            t.HasCheckConstraint("ck_jobs_status", EnumLabels.CheckSql<JobStatus>("status"));
            t.HasCheckConstraint("ck_jobs_salary", "salary_min IS NULL OR salary_max IS NULL OR salary_min <= salary_max");
            t.HasCheckConstraint("ck_jobs_applications_count", "applications_count >= 0");
        });
        job.HasKey(j => j.Id);
        job.Property(j => j.Title).HasMaxLength(JobRules.TitleMax);
        job.Property(j => j.Stack).HasConversion(EnumLabels.Converter<ChallengeStack>()).HasMaxLength(20);
        job.Property(j => j.Level).HasConversion(EnumLabels.Converter<ChallengeLevel>()).HasMaxLength(20);
        job.Property(j => j.Type).HasConversion(EnumLabels.Converter<JobType>()).HasMaxLength(20);
        job.Property(j => j.WorkModel).HasConversion(EnumLabels.Converter<WorkModel>()).HasMaxLength(20);
        job.Property(j => j.Status).HasConversion(EnumLabels.Converter<JobStatus>()).HasMaxLength(20);
        job.Property(j => j.Location).HasMaxLength(JobRules.LocationMax);
        job.Property(j => j.TitleSearch).HasMaxLength(JobRules.TitleMax * 2);
        job.Property(j => j.LocationSearch).HasMaxLength(JobRules.LocationMax * 2);
        job.HasOne<Companies.CompanyProfile>().WithMany().HasForeignKey(j => j.CompanyId).OnDelete(DeleteBehavior.Cascade);
        job.HasIndex(j => j.Stack).HasDatabaseName("idx_jobs_stack");
        job.HasIndex(j => j.Level).HasDatabaseName("idx_jobs_level");
        job.HasIndex(j => new { j.Status, j.CreatedAt }).IsDescending(false, true).HasDatabaseName("idx_jobs_status");
        job.HasIndex(j => new { j.CompanyId, j.CreatedAt });
    }
}
