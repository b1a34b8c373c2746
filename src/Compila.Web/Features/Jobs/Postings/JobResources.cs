using Compila.Web.Features.Jobs.Companies;
using Compila.Web.Infrastructure.Data;

namespace Compila.Web.Features.Jobs.Postings;

public sealed record JobCompany(Guid Id, string Name, string? LogoUrl, string? Location, bool Approved);

public sealed record JobResource(
    Guid Id,
    JobCompany Company,
    string Title,
    string Description,
    string DescriptionHtml,
    IReadOnlyList<string> Requirements,
    string Stack,
    string Level,
    IReadOnlyList<string> Technologies,
    string Type,
    string WorkModel,
    string? Location,
    int? SalaryMin,
    int? SalaryMax,
    bool SalaryVisible,
    string Status,
    int ApplicationsCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ExpiresAt,
    bool IsOwner);

/// <summary>A job with its company, as every query here loads it (members, not a constructor, so EF can filter on them).</summary>
public sealed class JobWithCompany
{
    public required Job Job { get; init; }
    public required CompanyProfile Company { get; init; }
}

public static class JobResources
{
    /// <summary>A hidden salary is hidden from everyone but the company that posted it.</summary>
    public static JobResource ToResource(JobWithCompany row, Guid? viewerId, DateTimeOffset now)
    {
        var (job, company) = (row.Job, row.Company);
        var owner = viewerId == job.CompanyId;
        var salaryShown = owner || job.SalaryVisible;
        return new JobResource(
            job.Id,
            new JobCompany(company.UserId, company.Name, company.LogoUrl, company.Location, company.ApprovedAt is not null),
            job.Title, job.Description, job.DescriptionHtml, job.Requirements,
            EnumLabels.ToLabel(job.Stack), EnumLabels.ToLabel(job.Level), job.Technologies,
            EnumLabels.ToLabel(job.Type), EnumLabels.ToLabel(job.WorkModel), job.Location,
            salaryShown ? job.SalaryMin : null, salaryShown ? job.SalaryMax : null, job.SalaryVisible,
            EnumLabels.ToLabel(job.EffectiveStatus(now)), job.ApplicationsCount,
            job.CreatedAt, job.UpdatedAt, job.ExpiresAt, owner);
    }
}
