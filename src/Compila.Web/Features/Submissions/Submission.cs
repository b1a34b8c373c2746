using Compila.Web.Features.Challenges;
using Compila.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compila.Web.Features.Submissions;

/// <summary>The spec's <c>submissions</c> row. Stored before it is queued, so no submission is ever lost.</summary>
public sealed class Submission
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UserId { get; set; }
    public Guid ChallengeId { get; set; }

    public required string Code { get; set; }
    public required string Language { get; set; }

    /// <summary>JSON array of {path, content} when more than one file was sent.</summary>
    public string? Files { get; set; }

    public SubmissionStatus Status { get; set; } = SubmissionStatus.Pending;

    /// <summary>JSON: the normalised test run (status, passed, total, score, compileOutput, tests[]).</summary>
    public string? TestResults { get; set; }

    public int? Score { get; set; }
    public int XpGained { get; set; }

    /// <summary>JSON: the Smart Solver's feedback.</summary>
    public string? AiFeedback { get; set; }
    public int? AiTokensUsed { get; set; }

    public DateTimeOffset SubmittedAt { get; set; } = DateTimeOffset.UtcNow;

    /// <summary>The api's <c>submit</c> span (W3C traceparent), continued by the worker; see <see cref="SubmissionTracing"/>.</summary>
    public string? TraceParent { get; set; }
    public int? ExecutionTimeMs { get; set; }
    public int AttemptNumber { get; set; } = 1;

    /// <summary>When judging finished (passed, failed or partial).</summary>
    public DateTimeOffset? JudgedAt { get; set; }

    /// <summary>pt-BR, set when the submission could not be judged at all (e.g. dead-lettered after retries).</summary>
    public string? Error { get; set; }
}

public enum SubmissionStatus
{
    Pending,
    Passed,
    Failed,
    Partial,
}

internal sealed class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> submission)
    {
        submission.ToTable("submissions", t =>
        {
            t.HasCheckConstraint("ck_submissions_score", "score BETWEEN 0 AND 100");
            t.HasCheckConstraint("ck_submissions_status", EnumLabels.CheckSql<SubmissionStatus>("status"));
        });
        submission.HasKey(s => s.Id);
        submission.Property(s => s.Code).IsRequired();
        submission.Property(s => s.Language).HasMaxLength(50).IsRequired();
        submission.Property(s => s.Files).IsJson();
        submission.Property(s => s.Status).HasConversion(EnumLabels.Converter<SubmissionStatus>()).HasMaxLength(20)
            .HasDefaultValue(SubmissionStatus.Pending).HasSentinel(SubmissionStatus.Pending);
        submission.Property(s => s.TestResults).IsJson();
        submission.Property(s => s.AiFeedback).IsJson();
        submission.Property(s => s.XpGained).HasDefaultValue(0);
        submission.Property(s => s.AttemptNumber).HasDefaultValue(1).HasSentinel(0);
        submission.Property(s => s.Error).HasMaxLength(500);
        submission.Property(s => s.TraceParent).HasMaxLength(55);
        submission.HasIndex(s => new { s.UserId, s.ChallengeId, s.AttemptNumber }).IsUnique();
        submission.HasIndex(s => s.UserId).HasDatabaseName("idx_submissions_user");
        submission.HasIndex(s => s.ChallengeId).HasDatabaseName("idx_submissions_challenge");
        submission.HasIndex(s => s.Status).HasDatabaseName("idx_submissions_status");
        submission.HasIndex(s => s.SubmittedAt).IsDescending().HasDatabaseName("idx_submissions_created");
        submission.HasOne<Users.User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        submission.HasOne<Challenge>().WithMany().HasForeignKey(s => s.ChallengeId).OnDelete(DeleteBehavior.Restrict);
    }
}
