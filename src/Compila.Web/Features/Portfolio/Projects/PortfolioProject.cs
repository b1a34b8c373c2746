using Compila.Web.Features.Challenges.Contracts;
using Compila.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compila.Web.Features.Portfolio.Projects;

/// <summary>
/// The spec's <c>portfolio_projects</c> row, plus what a verified project needs (<see cref="SubmissionId"/>,
/// <see cref="ShowCode"/>) and the long description already rendered to safe HTML.
/// LGPD: exported with the owner's data; deleted with the owner (with its images, likes, views and verification).
/// </summary>
public sealed class PortfolioProject
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UserId { get; set; }
    public required string Title { get; set; }
    public required string Slug { get; set; }
    public string? ShortDescription { get; set; }

    /// <summary>Markdown as the owner wrote it.</summary>
    public string? LongDescription { get; set; }

    /// <summary><see cref="LongDescription"/> rendered and sanitised when it was saved (<see cref="SafeMarkdown"/>).</summary>
    public string? LongDescriptionHtml { get; set; }

    public ChallengeStack Stack { get; set; }
    public List<string> Technologies { get; set; } = [];
    public string? DemoUrl { get; set; }
    public string? RepoUrl { get; set; }

    /// <summary>A <c>/v1/files/...</c> URL of an uploaded, re-encoded image.</summary>
    public string? ThumbnailUrl { get; set; }
    public List<string> Images { get; set; } = [];

    public Guid? ChallengeId { get; set; }

    /// <summary>The passed submission a verified project was made from; one project per submission.</summary>
    public Guid? SubmissionId { get; set; }

    /// <summary>Whether the verification page shows the submitted code (the owner's choice, off by default).</summary>
    public bool ShowCode { get; set; }

    public bool Featured { get; set; }
    public int DisplayOrder { get; set; }
    public int Views { get; set; }
    public int Likes { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;

    public ProjectVerificationRecord? Verification { get; set; }
}

/// <summary>
/// What the server attests for a project made from a passed submission: <see cref="Payload"/> is the canonical JSON
/// that <see cref="Signature"/> (ES256, key <see cref="KeyId"/>) signs. Stored as signed, never re-signed, so the
/// record reads the same whatever later changes. The code is kept so the owner can choose to show it later.
/// </summary>
public sealed class ProjectVerificationRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ProjectId { get; set; }
    public Guid UserId { get; set; }
    public Guid SubmissionId { get; set; }
    public Guid ChallengeId { get; set; }
    public required string ChallengeSlug { get; set; }
    public required string Language { get; set; }
    public int TestsPassed { get; set; }
    public int TestsTotal { get; set; }
    public DateTimeOffset PassedAt { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public required string Payload { get; set; }
    public required string Signature { get; set; }
    public required string KeyId { get; set; }
    public required string Code { get; set; }
}

/// <summary>One like per user and project. LGPD: deleted with either.</summary>
public sealed class ProjectLike
{
    public Guid ProjectId { get; set; }
    public Guid UserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
}

/// <summary>
/// One counted view per viewer and São Paulo day. The viewer is a user id, or a SHA-256 of IP and User-Agent for
/// visitors without an account, so no address is stored. LGPD: deleted with the project.
/// </summary>
public sealed class ProjectView
{
    public Guid ProjectId { get; set; }
    public required string ViewerKey { get; set; }
    public DateOnly Day { get; set; }
}

internal sealed class PortfolioProjectConfiguration : IEntityTypeConfiguration<PortfolioProject>
{
    public void Configure(EntityTypeBuilder<PortfolioProject> project)
    {
        project.ToTable("portfolio_projects", t =>
            t.HasCheckConstraint("ck_portfolio_projects_stack", EnumLabels.CheckSql<ChallengeStack>("stack")));
        project.HasKey(p => p.Id);
        project.Property(p => p.Title).HasMaxLength(ProjectRules.TitleMax).IsRequired();
        project.Property(p => p.Slug).HasMaxLength(ProjectRules.SlugMax).IsRequired();
        project.Property(p => p.ShortDescription).HasMaxLength(ProjectRules.ShortDescriptionMax);
        project.Property(p => p.Stack).HasConversion(EnumLabels.Converter<ChallengeStack>()).HasMaxLength(20);
        project.Property(p => p.DemoUrl).HasMaxLength(ProjectRules.UrlMax);
        project.Property(p => p.RepoUrl).HasMaxLength(ProjectRules.UrlMax);
        project.Property(p => p.ThumbnailUrl).HasMaxLength(ProjectRules.UrlMax);
        project.Property(p => p.Featured).HasDefaultValue(false);
        project.Property(p => p.DisplayOrder).HasDefaultValue(0);
        project.Property(p => p.Views).HasDefaultValue(0);
        project.Property(p => p.Likes).HasDefaultValue(0);
        project.HasIndex(p => new { p.UserId, p.Slug }).IsUnique();
        project.HasIndex(p => p.UserId).HasDatabaseName("idx_portfolio_user");
        project.HasIndex(p => new { p.UserId, p.Featured }).HasDatabaseName("idx_portfolio_featured");
        project.HasIndex(p => p.Slug).HasDatabaseName("idx_portfolio_slug");
        project.HasIndex(p => new { p.UserId, p.SubmissionId }).IsUnique();
        project.HasOne(p => p.Verification).WithOne().HasForeignKey<ProjectVerificationRecord>(v => v.ProjectId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProjectVerificationConfiguration : IEntityTypeConfiguration<ProjectVerificationRecord>
{
    public void Configure(EntityTypeBuilder<ProjectVerificationRecord> verification)
    {
        verification.ToTable("portfolio_verifications");
        verification.HasKey(v => v.Id);
        verification.HasIndex(v => v.ProjectId).IsUnique();
        verification.Property(v => v.ChallengeSlug).HasMaxLength(100);
        verification.Property(v => v.Language).HasMaxLength(50);
        verification.Property(v => v.Signature).HasMaxLength(200);
        verification.Property(v => v.KeyId).HasMaxLength(100);
    }
}

internal sealed class ProjectLikeConfiguration : IEntityTypeConfiguration<ProjectLike>
{
    public void Configure(EntityTypeBuilder<ProjectLike> like)
    {
        like.ToTable("portfolio_project_likes");
        like.HasKey(l => new { l.ProjectId, l.UserId });
        like.HasOne<PortfolioProject>().WithMany().HasForeignKey(l => l.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProjectViewConfiguration : IEntityTypeConfiguration<ProjectView>
{
    public void Configure(EntityTypeBuilder<ProjectView> view)
    {
        view.ToTable("portfolio_project_views");
        view.HasKey(v => new { v.ProjectId, v.ViewerKey, v.Day });
        view.Property(v => v.ViewerKey).HasMaxLength(64);
        view.HasOne<PortfolioProject>().WithMany().HasForeignKey(v => v.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}
