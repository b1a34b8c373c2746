using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compila.Web.Features.Notifications;

/// <summary>
/// Something a user should know, written by an event handler (so exactly once per event: the handler's writes commit
/// with its delivery record). <see cref="Kind"/> is stable (<c>application_status</c>); the text is pt-BR as shown.
/// LGPD: the user's own data; exported and deleted with them.
/// </summary>
public sealed class Notification
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UserId { get; set; }
    public required string Kind { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    public string? Link { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> notification)
    {
        notification.ToTable("notifications");
        notification.HasKey(n => n.Id);
        notification.Property(n => n.Kind).HasMaxLength(40);
        notification.Property(n => n.Title).HasMaxLength(200);
        notification.Property(n => n.Body).HasMaxLength(1_000);
        notification.Property(n => n.Link).HasMaxLength(300);
        notification.HasIndex(n => new { n.UserId, n.CreatedAt });
        notification.HasIndex(n => n.UserId).HasFilter("read_at IS NULL").HasDatabaseName("ix_notifications_unread");
    }
}
