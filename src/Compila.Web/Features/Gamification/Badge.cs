using Compila.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compila.Web.Features.Gamification;

/// <summary>The spec's <c>badges</c> row, imported from <c>content/badges/badges.yaml</c>.</summary>
public sealed class Badge
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public string? IconUrl { get; set; }
    public string Rarity { get; set; } = "common";
    public string? Category { get; set; }

    /// <summary>JSON: the award rule ({kind, ...}).</summary>
    public required string Rule { get; set; }
}

/// <summary>
/// The spec's <c>user_badges</c> row. A row with <see cref="EarnedAt"/> null tracks progress toward a badge
/// not earned yet; the primary key (user, badge) makes each badge awardable once.
/// </summary>
public sealed class UserBadge
{
    public Guid UserId { get; set; }
    public required string BadgeId { get; set; }
    public DateTimeOffset? EarnedAt { get; set; }

    /// <summary>JSON: {current, target}.</summary>
    public string? Progress { get; set; }
}

internal sealed class BadgeConfiguration : IEntityTypeConfiguration<Badge>
{
    public void Configure(EntityTypeBuilder<Badge> badge)
    {
        badge.ToTable("badges", t =>
        {
            t.HasCheckConstraint("ck_badges_rarity", "rarity IN ('common', 'rare', 'epic', 'legendary')");
            t.HasCheckConstraint("ck_badges_category", "category IN ('skill', 'achievement', 'community')");
        });
        badge.HasKey(b => b.Id);
        badge.Property(b => b.Id).HasMaxLength(100);
        badge.Property(b => b.Name).HasMaxLength(100).IsRequired();
        badge.Property(b => b.IconUrl).HasMaxLength(500);
        badge.Property(b => b.Rarity).HasMaxLength(20).HasDefaultValue("common");
        badge.Property(b => b.Category).HasMaxLength(50);
        badge.Property(b => b.Rule).IsJson();
    }
}

internal sealed class UserBadgeConfiguration : IEntityTypeConfiguration<UserBadge>
{
    public void Configure(EntityTypeBuilder<UserBadge> userBadge)
    {
        userBadge.ToTable("user_badges");
        userBadge.HasKey(b => new { b.UserId, b.BadgeId });
        userBadge.Property(b => b.BadgeId).HasMaxLength(100);
        userBadge.Property(b => b.Progress).IsJson();
        userBadge.HasOne<Users.User>().WithMany().HasForeignKey(b => b.UserId).OnDelete(DeleteBehavior.Cascade);
        userBadge.HasOne<Badge>().WithMany().HasForeignKey(b => b.BadgeId).OnDelete(DeleteBehavior.Cascade);
    }
}
