using Compila.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compila.Web.Features.Submissions.Events;

/// <summary>
/// One message of a submission's progress stream, persisted so that any instance can replay it and a
/// client that reconnects resumes after the last sequence number it saw.
/// </summary>
public sealed class SubmissionEvent
{
    public Guid SubmissionId { get; set; }
    public int Sequence { get; set; }
    public required string Type { get; set; }

    /// <summary>The whole JSON message as sent to clients (including type, sequence and submission_id).</summary>
    public required string Payload { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class SubmissionEventConfiguration : IEntityTypeConfiguration<SubmissionEvent>
{
    public void Configure(EntityTypeBuilder<SubmissionEvent> e)
    {
        e.ToTable("submission_events");
        e.HasKey(x => new { x.SubmissionId, x.Sequence });
        e.Property(x => x.Type).HasMaxLength(30);
        e.Property(x => x.Payload).IsJson().IsRequired();
        e.HasOne<Submission>().WithMany().HasForeignKey(x => x.SubmissionId).OnDelete(DeleteBehavior.Cascade);
    }
}
