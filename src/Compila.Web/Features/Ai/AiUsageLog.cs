using Compila.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compila.Web.Features.Ai;

/// <summary>The spec's <c>ai_usage_logs</c> row: one model call, whatever its outcome.</summary>
public sealed class AiUsageLog
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid? UserId { get; set; }

    /// <summary>investigate, note, response, tutor…</summary>
    public required string Agent { get; set; }

    /// <summary>analyze, repair, respond…</summary>
    public required string Action { get; set; }

    public int InputTokens { get; set; }
    public int OutputTokens { get; set; }
    public int TotalTokens { get; set; }
    public string? ModelUsed { get; set; }
    public int CostCents { get; set; }
    public int LatencyMs { get; set; }
    public AiCallStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>How a model call ended; <see cref="Invalid"/>: it answered, but not with what its schema asks.</summary>
public enum AiCallStatus
{
    Success,
    Error,
    Timeout,
    Invalid,
}

internal sealed class AiUsageLogConfiguration : IEntityTypeConfiguration<AiUsageLog>
{
    public void Configure(EntityTypeBuilder<AiUsageLog> log)
    {
        log.ToTable("ai_usage_logs", t => t.HasCheckConstraint("ck_ai_usage_logs_status", EnumLabels.CheckSql<AiCallStatus>("status")));
        log.HasKey(l => l.Id);
        log.Property(l => l.Agent).HasMaxLength(50).IsRequired();
        log.Property(l => l.Action).HasMaxLength(100).IsRequired();
        log.Property(l => l.ModelUsed).HasMaxLength(100);
        log.Property(l => l.Status).HasConversion(EnumLabels.Converter<AiCallStatus>()).HasMaxLength(20);
        log.HasIndex(l => new { l.UserId, l.CreatedAt }).HasDatabaseName("idx_ai_usage_user");
        log.HasIndex(l => new { l.Agent, l.CreatedAt }).HasDatabaseName("idx_ai_usage_agent");
        log.HasOne<Users.User>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}
