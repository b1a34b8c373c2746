using System.Security.Claims;
using Compila.Web.Features.Admin.Contracts;
using Compila.Web.Infrastructure.Data;
using Compila.Web.Infrastructure.Errors;
using Compila.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Compila.Web.Infrastructure.Caching;
using Compila.Web.Infrastructure.Paging;

namespace Compila.Web.Features.Jobs.Companies;

public sealed record CompanyResource(
    Guid Id, string Name, string? LogoUrl, string? WebsiteUrl, string? About, string? Location,
    bool Approved, DateTimeOffset? ApprovedAt, DateTimeOffset CreatedAt);

/// <summary>
/// A company account's profile (<c>/v1/companies/me</c>), its public page once approved, and the admin queue that
/// approves companies before their jobs are public (each approval audited).
/// </summary>
public static class CompaniesApi
{
    public static void MapCompaniesApi(this IEndpointRouteBuilder app)
    {
        var companies = app.MapGroup("/v1/companies").WithTags("Jobs");
        companies.MapGet("/me", GetMine).WithName("GetMyCompany").RequireAuthorization(Policies.Company);
        companies.MapPut("/me", PutMine).WithName("UpdateMyCompany").RequireAuthorization(Policies.Company);
        companies.MapGet("/{id:guid}", GetPublic).WithName("GetCompany").AllowAnonymous();

        var admin = app.MapGroup("/v1/admin/companies").WithTags("Admin").RequireAuthorization(Policies.Admin);
        admin.MapGet("/", List).WithName("AdminListCompanies");
        admin.MapPost("/{id:guid}/approve", Approve).WithName("AdminApproveCompany");
    }

    internal static async Task<Results<Ok<CompanyResource>, NotFound>> GetMine(ClaimsPrincipal principal, CompilaDb db, CancellationToken ct)
    {
        var me = principal.CurrentUserId();
        return await db.Set<CompanyProfile>().AsNoTracking().SingleOrDefaultAsync(c => c.UserId == me, ct) is { } company
            ? TypedResults.Ok(ToResource(company))
            : TypedResults.NotFound();
    }

    internal static async Task<Results<Ok<CompanyResource>, ValidationProblem>> PutMine(
        CompanyRequest request, ClaimsPrincipal principal, CompilaDb db, TimeProvider clock, IOutputCacheStore cache, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        CompanyRules.Validate(request, errors);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var me = principal.CurrentUserId()!.Value;
        var now = clock.GetUtcNow();
        var company = await db.Set<CompanyProfile>().SingleOrDefaultAsync(c => c.UserId == me, ct);
        if (company is null)
        {
            company = new CompanyProfile { UserId = me, Name = "", CreatedAt = now };
            db.Add(company);
        }

        company.Name = request.Name!.Trim();
        company.LogoUrl = JobText.Clean(request.LogoUrl);
        company.WebsiteUrl = JobText.Clean(request.WebsiteUrl);
        company.About = JobText.Clean(request.About);
        company.Location = JobText.Clean(request.Location);
        company.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two first saves raced; the other one created the row: apply this one over it.
            db.ChangeTracker.Clear();
            return await PutMine(request, principal, db, clock, cache, ct);
        }

        // Job cards carry the company's name and logo.
        await cache.EvictPublicReadsAsync(ct);
        return TypedResults.Ok(ToResource(company));
    }

    internal static async Task<Results<Ok<CompanyResource>, NotFound>> GetPublic(Guid id, CompilaDb db, CancellationToken ct) =>
        await db.Set<CompanyProfile>().AsNoTracking().SingleOrDefaultAsync(c => c.UserId == id && c.ApprovedAt != null, ct) is { } company
            ? TypedResults.Ok(ToResource(company))
            : TypedResults.NotFound();

    internal static async Task<Results<Ok<Page<CompanyResource>>, ValidationProblem>> List(CompilaDb db, CancellationToken ct, string? status = null, int page = 1, int size = 50)
    {
        var errors = new ValidationErrors().CheckPaging(page, size);
        if (status is not null and not ("pending" or "approved"))
        {
            errors.Add("status", "Use pending ou approved.");
        }

        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var query = db.Set<CompanyProfile>().AsNoTracking();
        query = status switch
        {
            "pending" => query.Where(c => c.ApprovedAt == null),
            "approved" => query.Where(c => c.ApprovedAt != null),
            _ => query,
        };
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(c => c.CreatedAt).ThenBy(c => c.UserId).TakePage(page, size).ToListAsync(ct);
        return TypedResults.Ok(new Page<CompanyResource>(items.Select(ToResource).ToList(), page, size, total));
    }

    internal static async Task<Results<Ok<CompanyResource>, NotFound>> Approve(
        Guid id, ClaimsPrincipal principal, CompilaDb db, IAdminAudit audit, TimeProvider clock, IOutputCacheStore cache, CancellationToken ct)
    {
        var company = await db.Set<CompanyProfile>().SingleOrDefaultAsync(c => c.UserId == id, ct);
        if (company is null)
        {
            return TypedResults.NotFound();
        }

        if (company.ApprovedAt is null)
        {
            company.ApprovedAt = clock.GetUtcNow();
            company.ApprovedBy = principal.CurrentUserId();
            audit.Record(principal, "company.approved", $"company:{company.UserId}", new { company.Name });
            await db.SaveChangesAsync(ct);
            await cache.EvictPublicReadsAsync(ct);
        }

        return TypedResults.Ok(ToResource(company));
    }

    static CompanyResource ToResource(CompanyProfile c) =>
        new(c.UserId, c.Name, c.LogoUrl, c.WebsiteUrl, c.About, c.Location, c.ApprovedAt is not null, c.ApprovedAt, c.CreatedAt);
}
