using Compila.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compila.Web.Infrastructure.Events;

/// <summary>A published event, written in the transaction of the change it reports (the outbox).</summary>
public sealed class OutboxEvent
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Type { get; set; }
    public required string Payload { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    /// <summary>W3C traceparent of the publishing request, so handlers' spans join its trace.</summary>
    public string? TraceParent { get; set; }
    /// <summary>Set once every handler has handled the event or given up on it (database transport), or once the
    /// broker confirmed it (RabbitMQ transport).</summary>
    public DateTimeOffset? DispatchedAt { get; set; }
    /// <summary>A dispatcher's claim; another instance takes the event over once it has passed.</summary>
    public DateTimeOffset? LockedUntil { get; set; }
}

/// <summary>One handler's work on one event: the idempotency key (event id, handler), retries and the dead letter.</summary>
public sealed class EventDelivery
{
    public Guid EventId { get; set; }
    public required string Handler { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public DateTimeOffset? HandledAt { get; set; }
    public DateTimeOffset? DeadAt { get; set; }
}

internal sealed class OutboxEventConfiguration : IEntityTypeConfiguration<OutboxEvent>
{
    public void Configure(EntityTypeBuilder<OutboxEvent> e)
    {
        e.ToTable("outbox_events");
        e.HasKey(x => x.Id);
        e.Property(x => x.Type).HasMaxLength(100);
        e.Property(x => x.Payload).IsJson();
        e.Property(x => x.TraceParent).HasMaxLength(55);
        e.HasIndex(x => new { x.DispatchedAt, x.OccurredAt });
        e.HasIndex(x => new { x.Type, x.OccurredAt });
    }
}

internal sealed class EventDeliveryConfiguration : IEntityTypeConfiguration<EventDelivery>
{
    public void Configure(EntityTypeBuilder<EventDelivery> d)
    {
        d.ToTable("event_deliveries");
        d.HasKey(x => new { x.EventId, x.Handler });
        d.Property(x => x.Handler).HasMaxLength(100);
        d.Property(x => x.LastError).HasMaxLength(2000);
        d.HasIndex(x => x.DeadAt);
        // Pending deliveries are few among many handled ones: a partial index keeps OrphanedDeliveries' scan small.
        d.HasIndex(x => x.EventId).HasFilter("handled_at IS NULL AND dead_at IS NULL").HasDatabaseName("ix_event_deliveries_pending");
        d.HasOne<OutboxEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}
