using Compila.Web.Features.Challenges.Contracts;
using Compila.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compila.Web.Features.Challenges;

internal sealed class ChallengeConfiguration : IEntityTypeConfiguration<Challenge>
{
    public void Configure(EntityTypeBuilder<Challenge> challenge)
    {
        challenge.ToTable("challenges", t =>
        {
            t.HasCheckConstraint("ck_challenges_difficulty", "difficulty BETWEEN 1 AND 5");
            t.HasCheckConstraint("ck_challenges_stack", EnumLabels.CheckSql<ChallengeStack>("stack"));
            t.HasCheckConstraint("ck_challenges_level", EnumLabels.CheckSql<ChallengeLevel>("level"));
        });
        challenge.HasKey(c => c.Id);
        challenge.Property(c => c.Slug).HasMaxLength(100).IsRequired();
        challenge.Property(c => c.Title).HasMaxLength(200).IsRequired();
        challenge.Property(c => c.ShortDescription).HasMaxLength(500);
        challenge.Property(c => c.Description).IsRequired();
        challenge.Property(c => c.Stack).HasConversion(EnumLabels.Converter<ChallengeStack>()).HasMaxLength(20);
        challenge.Property(c => c.Level).HasConversion(EnumLabels.Converter<ChallengeLevel>()).HasMaxLength(20);
        challenge.Property(c => c.Requirements).IsJson();
        challenge.Property(c => c.StarterCode).IsJson();
        challenge.Property(c => c.SolutionCode).IsJson();
        challenge.Property(c => c.Examples).IsJson();
        challenge.Property(c => c.TestFiles).IsJson();
        challenge.Property(c => c.XpReward).HasDefaultValue(100).HasSentinel(0);
        challenge.Property(c => c.SuccessRate).HasPrecision(5, 2);
        challenge.Property(c => c.ContentHash).HasMaxLength(64);

        challenge.HasIndex(c => c.Slug).IsUnique().HasDatabaseName("idx_challenges_slug");
        challenge.HasIndex(c => c.Stack).HasDatabaseName("idx_challenges_stack");
        challenge.HasIndex(c => c.Level).HasDatabaseName("idx_challenges_level");
        challenge.HasIndex(c => c.Technologies).HasDatabaseName("idx_challenges_technologies").HasMethod("gin");
        challenge.HasIndex(c => c.Tags).HasDatabaseName("idx_challenges_tags").HasMethod("gin");
        challenge.HasOne<Users.User>().WithMany().HasForeignKey(c => c.CreatedBy).OnDelete(DeleteBehavior.SetNull);
    }
}
