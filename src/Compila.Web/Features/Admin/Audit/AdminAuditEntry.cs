using Compila.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compila.Web.Features.Admin.Audit;

/// <summary>
/// One thing an admin did: who (<see cref="ActorId"/>), what (<see cref="Action"/>, e.g. <c>user.plan_changed</c>),
/// to what (<see cref="Target"/>, e.g. <c>user:ana</c>) and the before/after in <see cref="Details"/>. Written in the
/// transaction of the change itself, so there is no change without its entry; never updated or deleted by the app.
/// </summary>
public sealed class AdminAuditEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ActorId { get; set; }
    /// <summary>The actor's username at the time: the entry stays readable if the account is renamed or deleted.</summary>
    public required string ActorUsername { get; set; }
    public required string Action { get; set; }
    public required string Target { get; set; }
    public required string Details { get; set; }
    public DateTimeOffset At { get; set; }
}

internal sealed class AdminAuditEntryConfiguration : IEntityTypeConfiguration<AdminAuditEntry>
{
    public void Configure(EntityTypeBuilder<AdminAuditEntry> e)
    {
        e.ToTable("admin_audit_entries");
        e.HasKey(x => x.Id);
        e.Property(x => x.ActorUsername).HasMaxLength(64);
        e.Property(x => x.Action).HasMaxLength(64);
        e.Property(x => x.Target).HasMaxLength(200);
        e.Property(x => x.Details).IsJson();
        e.HasIndex(x => x.At);
        e.HasIndex(x => new { x.Action, x.At });
    }
}
