using Compila.Web.Infrastructure.Data;
using Compila.Web.Infrastructure.Errors;
using Compila.Web.Infrastructure.Identity;
using Compila.Web.Infrastructure.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Compila.Web.Features.Admin.Audit;

public sealed record AuditEntryView(Guid Id, DateTimeOffset At, Guid ActorId, string Actor, string Action, string Target, string Details);

public static class AdminAuditApi
{
    /// <summary>Audit pages may be longer than other lists: an auditor reads the log in bulk.</summary>
    const int PageMaxSize = 200;

    public static RouteGroupBuilder MapAdminAuditApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/admin/audit").WithTags("Admin").RequireAuthorization(Policies.Admin);
        api.MapGet("/", List).WithName("AdminListAudit");
        return api;
    }

    /// <summary>Newest first; <paramref name="action"/> and <paramref name="target"/> narrow it (exact match).</summary>
    internal static async Task<Results<Ok<Page<AuditEntryView>>, ValidationProblem>> List(
        CompilaDb db, CancellationToken ct, int page = 1, int size = 50, string? action = null, string? target = null)
    {
        var errors = new ValidationErrors().CheckPaging(page, size, PageMaxSize);

        if (action is { Length: > 64 })
        {
            errors.Add("action", "A ação tem no máximo 64 caracteres.");
        }

        if (target is { Length: > 200 })
        {
            errors.Add("target", "O alvo tem no máximo 200 caracteres.");
        }

        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var query = db.Set<AdminAuditEntry>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(action))
        {
            query = query.Where(e => e.Action == action);
        }

        if (!string.IsNullOrWhiteSpace(target))
        {
            query = query.Where(e => e.Target == target);
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .TakePage(page, size)
            .Select(e => new AuditEntryView(e.Id, e.At, e.ActorId, e.ActorUsername, e.Action, e.Target, e.Details))
            .ToListAsync(ct);
        return TypedResults.Ok(new Page<AuditEntryView>(items, page, size, total));
    }
}
