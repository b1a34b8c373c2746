using Compila.Web.Features.Jobs.Companies;
using Compila.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Compila.Web.Features.Jobs.Postings;

/// <summary>The one definition of a job anyone may see: active, not expired, posted by an approved company.</summary>
public static class OpenJobs
{
    public static IQueryable<JobWithCompany> WithCompanies(CompilaDb db) =>
        db.Set<Job>().AsNoTracking()
            .Join(db.Set<CompanyProfile>().AsNoTracking(), j => j.CompanyId, c => c.UserId, (j, c) => new JobWithCompany { Job = j, Company = c });

    public static IQueryable<JobWithCompany> Query(CompilaDb db, DateTimeOffset now) =>
        WithCompanies(db).Where(r => r.Company.ApprovedAt != null
            && r.Job.Status == JobStatus.Active
            && (r.Job.ExpiresAt == null || r.Job.ExpiresAt > now));

    public static bool IsOpen(JobWithCompany row, DateTimeOffset now) =>
        row.Company.ApprovedAt is not null && row.Job.EffectiveStatus(now) == JobStatus.Active;
}
