using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compila.Web.Features.Jobs.Companies;

/// <summary>
/// The public face of a company account (a user with the <c>company</c> role; <see cref="UserId"/> is that user).
/// Its jobs are public only once an admin approved it (<see cref="ApprovedAt"/>).
/// LGPD: a company's own data, exported and deleted with its account.
/// </summary>
public sealed class CompanyProfile
{
    public Guid UserId { get; set; }
    public required string Name { get; set; }
    public string? LogoUrl { get; set; }
    public string? WebsiteUrl { get; set; }
    public string? About { get; set; }
    public string? Location { get; set; }
    public DateTimeOffset? ApprovedAt { get; set; }
    public Guid? ApprovedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class CompanyProfileConfiguration : IEntityTypeConfiguration<CompanyProfile>
{
    public void Configure(EntityTypeBuilder<CompanyProfile> company)
    {
        company.ToTable("company_profiles");
        company.HasKey(c => c.UserId);
        company.Property(c => c.Name).HasMaxLength(CompanyRules.NameMax);
        company.Property(c => c.LogoUrl).HasMaxLength(CompanyRules.UrlMax);
        company.Property(c => c.WebsiteUrl).HasMaxLength(CompanyRules.UrlMax);
        company.Property(c => c.About).HasMaxLength(CompanyRules.AboutMax);
        company.Property(c => c.Location).HasMaxLength(CompanyRules.LocationMax);
        company.HasIndex(c => new { c.ApprovedAt, c.CreatedAt });
    }
}
