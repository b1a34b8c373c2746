using Compila.Web.Features.Challenges;
using Compila.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compila.Web.Features.Tutor;

/// <summary>A learner's conversation with the tutor, optionally opened from a challenge.</summary>
public sealed class TutorConversation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UserId { get; set; }
    public Guid? ChallengeId { get; set; }
    public required string Title { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class TutorMessage
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ConversationId { get; set; }

    /// <summary><c>user</c> or <c>assistant</c>.</summary>
    public required string Role { get; set; }
    public required string Content { get; set; }

    /// <summary>JSON array of cited resources {documentId, title, heading, url}.</summary>
    public string? Resources { get; set; }
    public int TokensUsed { get; set; }

    /// <summary><c>offline</c> or the model that answered.</summary>
    public string? Mode { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class TutorConversationConfiguration : IEntityTypeConfiguration<TutorConversation>
{
    public void Configure(EntityTypeBuilder<TutorConversation> c)
    {
        c.ToTable("tutor_conversations");
        c.HasKey(x => x.Id);
        c.Property(x => x.Title).HasMaxLength(200);
        c.HasIndex(x => new { x.UserId, x.UpdatedAt });
        c.HasOne<Users.User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        c.HasOne<Challenge>().WithMany().HasForeignKey(x => x.ChallengeId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class TutorMessageConfiguration : IEntityTypeConfiguration<TutorMessage>
{
    public void Configure(EntityTypeBuilder<TutorMessage> m)
    {
        m.ToTable("tutor_messages", t => t.HasCheckConstraint("ck_tutor_messages_role", "role IN ('user', 'assistant')"));
        m.HasKey(x => x.Id);
        m.Property(x => x.Role).HasMaxLength(20);
        m.Property(x => x.Resources).IsJson();
        m.Property(x => x.Mode).HasMaxLength(100);
        m.HasIndex(x => new { x.ConversationId, x.CreatedAt });
        m.HasOne<TutorConversation>().WithMany().HasForeignKey(x => x.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}
