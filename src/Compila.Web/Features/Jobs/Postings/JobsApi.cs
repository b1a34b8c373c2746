using System.Security.Claims;
using Compila.Web.Features.Jobs.Companies;
using Compila.Web.Infrastructure.Caching;
using Compila.Web.Infrastructure.Data;
using Compila.Web.Infrastructure.Errors;
using Compila.Web.Infrastructure.Identity;
using Compila.Web.Infrastructure.Paging;
using Compila.Web.Infrastructure.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Compila.Web.Features.Jobs.Postings;

/// <summary>
/// <c>/v1/jobs</c>: the public search (open jobs only, cached like the catalog and evicted by any job change on this
/// instance), a job's page (its company also sees drafts and closed ones), and the company's own postings.
/// </summary>
public static class JobsApi
{
    const int SearchTermsMax = 8;
    const int QueryMax = 200;

    public static void MapJobPostingsApi(this IEndpointRouteBuilder app)
    {
        var jobs = app.MapGroup("/v1/jobs").WithTags("Jobs");
        jobs.MapGet("/", Search).WithName("SearchJobs").AllowAnonymous().CachePublicRead();
        jobs.MapGet("/{id:guid}", Get).WithName("GetJob").AllowAnonymous();

        var company = jobs.MapGroup("").RequireAuthorization(Policies.Company);
        company.MapGet("/mine", Mine).WithName("ListMyJobs");
        company.MapPost("/", Create).WithName("CreateJob");
        company.MapPut("/{id:guid}", Update).WithName("UpdateJob");
        company.MapDelete("/{id:guid}", Delete).WithName("DeleteJob");
    }

    internal static async Task<Results<Ok<Page<JobResource>>, ValidationProblem>> Search(
        CompilaDb db, TimeProvider clock, CancellationToken ct,
        string? q = null, string? stack = null, string? level = null, string? type = null, string? workModel = null,
        string? technology = null, string? location = null, int? salaryMin = null, string? sort = null, int page = 1, int size = 20)
    {
        var errors = new ValidationErrors().CheckPaging(page, size);
        if (q is { Length: > QueryMax })
        {
            errors.Add("q", $"Use no máximo {QueryMax} caracteres na busca.");
        }

        if (sort is not null and not ("relevance" or "recent"))
        {
            errors.Add("sort", "Ordene por relevance ou recent.");
        }

        var filters = new JobFilters(errors);
        var now = clock.GetUtcNow();
        var query = OpenJobs.Query(db, now);
        query = filters.Apply(query, stack, level, type, workModel, technology, location, salaryMin);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var folded = string.IsNullOrWhiteSpace(q) ? "" : SearchText.Fold(q);
        foreach (var term in folded.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(SearchTermsMax))
        {
            query = query.Where(r => r.Job.SearchText.Contains(term));
        }

        var total = await query.CountAsync(ct);
        var ordered = folded.Length > 0 && sort != "recent"
            ? query.OrderBy(r => r.Job.TitleSearch.Contains(folded) ? 0 : 1).ThenByDescending(r => r.Job.CreatedAt).ThenBy(r => r.Job.Id)
            : query.OrderByDescending(r => r.Job.CreatedAt).ThenBy(r => r.Job.Id);
        var rows = await ordered.TakePage(page, size).ToListAsync(ct);
        // Everyone gets the same page (it is cached for all callers), so no row says "yours" here.
        return TypedResults.Ok(new Page<JobResource>(rows.Select(r => JobResources.ToResource(r, viewerId: null, now)).ToList(), page, size, total));
    }

    internal static async Task<Results<Ok<JobResource>, NotFound>> Get(Guid id, ClaimsPrincipal principal, CompilaDb db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var me = principal.CurrentUserId();
        var row = await OpenJobs.WithCompanies(db).SingleOrDefaultAsync(r => r.Job.Id == id, ct);
        // A closed job stays readable (candidates keep their link); drafts and unapproved companies' jobs do not exist to others.
        if (row is null || row.Job.CompanyId != me && (row.Company.ApprovedAt is null || row.Job.Status == JobStatus.Draft))
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(JobResources.ToResource(row, me, now));
    }

    internal static async Task<Ok<List<JobResource>>> Mine(ClaimsPrincipal principal, CompilaDb db, TimeProvider clock, CancellationToken ct)
    {
        var me = principal.CurrentUserId();
        var now = clock.GetUtcNow();
        var rows = await OpenJobs.WithCompanies(db).Where(r => r.Job.CompanyId == me)
            .OrderByDescending(r => r.Job.CreatedAt).Take(500).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(r => JobResources.ToResource(r, me, now)).ToList());
    }

    internal static async Task<Results<Created<JobResource>, ValidationProblem, ProblemHttpResult>> Create(
        JobRequest request, ClaimsPrincipal principal, CompilaDb db, TimeProvider clock, IOutputCacheStore cache, CancellationToken ct)
    {
        var me = principal.CurrentUserId()!.Value;
        var now = clock.GetUtcNow();
        var errors = new ValidationErrors();
        if (JobRules.Validate(request, now, errors) is not { } valid)
        {
            return errors.ToProblem();
        }

        if (await db.Set<CompanyProfile>().AsNoTracking().SingleOrDefaultAsync(c => c.UserId == me, ct) is not { } company)
        {
            return Problem(StatusCodes.Status409Conflict, "Preencha o perfil da empresa antes de publicar vagas.");
        }

        if (await db.Set<Job>().CountAsync(j => j.CompanyId == me && j.Status != JobStatus.Closed, ct) >= JobRules.OpenJobsMax)
        {
            return Problem(StatusCodes.Status422UnprocessableEntity, $"Sua empresa chegou ao limite de {JobRules.OpenJobsMax} vagas abertas ou em rascunho.");
        }

        var job = new Job { CompanyId = me, Title = "", Description = "", DescriptionHtml = "", CreatedAt = now };
        Apply(job, request, valid, now);
        db.Add(job);
        await db.SaveChangesAsync(ct);
        await cache.EvictPublicReadsAsync(ct);
        return TypedResults.Created($"/v1/jobs/{job.Id}", JobResources.ToResource(new JobWithCompany { Job = job, Company = company }, me, now));
    }

    internal static async Task<Results<Ok<JobResource>, ValidationProblem, NotFound>> Update(
        Guid id, JobRequest request, ClaimsPrincipal principal, CompilaDb db, TimeProvider clock, IOutputCacheStore cache, CancellationToken ct)
    {
        var me = principal.CurrentUserId();
        var now = clock.GetUtcNow();
        var job = await db.Set<Job>().SingleOrDefaultAsync(j => j.Id == id && j.CompanyId == me, ct);
        if (job is null)
        {
            return TypedResults.NotFound();
        }

        var errors = new ValidationErrors();
        // An unchanged expiry that has since passed is not an error: the company is editing a job that closed itself.
        var unchangedExpiry = request.ExpiresAt is { } asked && job.ExpiresAt is { } stored && asked.ToUnixTimeMilliseconds() == stored.ToUnixTimeMilliseconds();
        if (JobRules.Validate(unchangedExpiry ? request with { ExpiresAt = null } : request, now, errors) is not { } valid)
        {
            return errors.ToProblem();
        }

        Apply(job, unchangedExpiry ? request with { ExpiresAt = job.ExpiresAt } : request, valid, now);
        await db.SaveChangesAsync(ct);
        await cache.EvictPublicReadsAsync(ct);
        var company = await db.Set<CompanyProfile>().AsNoTracking().SingleAsync(c => c.UserId == job.CompanyId, ct);
        return TypedResults.Ok(JobResources.ToResource(new JobWithCompany { Job = job, Company = company }, me, now));
    }

    internal static async Task<Results<NoContent, NotFound, ProblemHttpResult>> Delete(
        Guid id, ClaimsPrincipal principal, CompilaDb db, IOutputCacheStore cache, CancellationToken ct)
    {
        var me = principal.CurrentUserId();
        var job = await db.Set<Job>().SingleOrDefaultAsync(j => j.Id == id && j.CompanyId == me, ct);
        if (job is null)
        {
            return TypedResults.NotFound();
        }

        if (await db.Set<Applications.JobApplication>().AnyAsync(a => a.JobId == id, ct))
        {
            return Problem(StatusCodes.Status409Conflict, "Esta vaga já recebeu candidaturas: feche-a em vez de excluir, para os candidatos verem o desfecho.");
        }

        db.Remove(job);
        await db.SaveChangesAsync(ct);
        await cache.EvictPublicReadsAsync(ct);
        return TypedResults.NoContent();
    }

    static void Apply(Job job, JobRequest request, ValidJob valid, DateTimeOffset now)
    {
        job.Title = request.Title!.Trim();
        job.Description = request.Description!.Trim();
        job.DescriptionHtml = SafeMarkdown.ToSafeHtml(job.Description) ?? "";
        job.Requirements = JobRules.Requirements(request.Requirements);
        job.Technologies = JobRules.Technologies(request.Technologies);
        job.Stack = valid.Stack;
        job.Level = valid.Level;
        job.Type = valid.Type;
        job.WorkModel = valid.WorkModel;
        job.Status = valid.Status;
        job.Location = JobText.Clean(request.Location);
        job.SalaryMin = request.SalaryMin;
        job.SalaryMax = request.SalaryMax;
        job.SalaryVisible = request.SalaryVisible ?? true;
        // PostgreSQL stores instants in UTC; a company in Recife may send -03:00.
        job.ExpiresAt = request.ExpiresAt?.ToUniversalTime();
        job.UpdatedAt = now;
        job.TitleSearch = SearchText.Fold(job.Title);
        job.LocationSearch = SearchText.Fold(job.Location ?? "");
        job.SearchText = SearchText.Fold(string.Join(' ', [job.Title, job.Description, .. job.Requirements, .. job.Technologies]));
    }

    static ProblemHttpResult Problem(int status, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: status == StatusCodes.Status409Conflict ? "Conflito." : "Não permitido.");
}
