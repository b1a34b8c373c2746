using Compila.Web.Features.Users.Contracts;
using Compila.Web.Infrastructure.Data;
using Compila.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compila.Web.Features.Users;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> user)
    {
        user.ToTable("users", t =>
        {
            t.HasCheckConstraint("ck_users_xp_non_negative", "xp >= 0");
            t.HasCheckConstraint("ck_users_subscription_plan", EnumLabels.CheckSql<SubscriptionPlan>("subscription_plan"));
            t.HasCheckConstraint("ck_users_profile_visibility", EnumLabels.CheckSql<ProfileVisibility>("profile_visibility"));
        });
        user.HasKey(u => u.Id);
        user.Property(u => u.Username).HasMaxLength(30).IsRequired();
        user.Property(u => u.Email).HasMaxLength(255).IsRequired();
        user.Property(u => u.PasswordHash).HasMaxLength(255);
        user.Property(u => u.FullName).HasMaxLength(100);
        user.Property(u => u.AvatarUrl).HasMaxLength(500);
        user.Property(u => u.Location).HasMaxLength(100);
        user.Property(u => u.WebsiteUrl).HasMaxLength(500);
        user.Property(u => u.GithubUrl).HasMaxLength(500);
        user.Property(u => u.LinkedinUrl).HasMaxLength(500);
        user.Property(u => u.ProfileVisibility)
            .HasConversion(EnumLabels.Converter<ProfileVisibility>())
            .HasMaxLength(10)
            .HasDefaultValue(ProfileVisibility.Public)
            .HasSentinel(ProfileVisibility.Public);
        user.Property(u => u.ProfileShareTokenHash).HasMaxLength(64);
        user.Property(u => u.ProfileSections)
            .HasConversion(s => ProfileSections.ToJson(s), json => ProfileSections.FromJson(json))
            .IsJson()
            .HasDefaultValueSql($"'{ProfileSections.ToJson(ProfileSections.All)}'")
            .IsRequired();
        user.Property(u => u.Level).HasDefaultValue(1);
        user.Property(u => u.Xp).HasDefaultValue(0);
        user.Property(u => u.StreakCurrent).HasDefaultValue(0);
        user.Property(u => u.StreakBest).HasDefaultValue(0);
        user.Property(u => u.SubscriptionPlan)
            .HasConversion(EnumLabels.Converter<SubscriptionPlan>())
            .HasMaxLength(20)
            .HasDefaultValue(SubscriptionPlan.Free)
            .HasSentinel(SubscriptionPlan.Free);

        // Usernames and emails are stored normalised (lower case), so plain unique indexes are case-insensitive.
        user.HasIndex(u => u.Username).IsUnique().HasDatabaseName("idx_users_username");
        user.HasIndex(u => u.Email).IsUnique().HasDatabaseName("idx_users_email");
        user.HasIndex(u => u.Level).HasDatabaseName("idx_users_level");
        user.HasIndex(u => u.Xp).IsDescending().HasDatabaseName("idx_users_xp");

        user.HasMany(u => u.Roles).WithOne().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UserRoleConfiguration : IEntityTypeConfiguration<UserRole>
{
    public void Configure(EntityTypeBuilder<UserRole> role)
    {
        role.ToTable("user_roles", t => t.HasCheckConstraint(
            "ck_user_roles_role", $"role IN ({string.Join(", ", Roles.All.Select(r => $"'{r}'"))})"));
        role.HasKey(r => new { r.UserId, r.Role });
        role.Property(r => r.Role).HasMaxLength(20);
    }
}
