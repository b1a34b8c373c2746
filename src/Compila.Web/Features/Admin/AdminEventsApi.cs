using System.Security.Claims;
using Compila.Web.Features.Admin.Audit;
using Compila.Web.Infrastructure.Errors;
using Compila.Web.Infrastructure.Events;
using Compila.Web.Infrastructure.Identity;
using Compila.Web.Infrastructure.Paging;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Compila.Web.Features.Admin;

/// <summary>The dead-letter view of published events: deliveries that failed every attempt, and a retry once fixed.</summary>
public static class AdminEventsApi
{
    public static RouteGroupBuilder MapAdminEventsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/admin/events").WithTags("Admin").RequireAuthorization(Policies.Admin);
        api.MapGet("/dead", ListDead).WithName("AdminListDeadEvents");
        api.MapPost("/{eventId:guid}/deliveries/{handler}/retry", Retry).WithName("AdminRetryDeadEvent");
        return api;
    }

    internal static async Task<Results<Ok<Page<DeadLetter>>, ValidationProblem>> ListDead(DeadLetters deadLetters, CancellationToken ct, int page = 1, int size = 20)
    {
        var errors = new ValidationErrors().CheckPaging(page, size);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        return TypedResults.Ok(await deadLetters.ListAsync(page, size, ct));
    }

    internal static async Task<Results<NoContent, NotFound>> Retry(
        Guid eventId, string handler, ClaimsPrincipal admin, DeadLetters deadLetters, AdminAuditLog audit, CancellationToken ct)
    {
        // Staged first: the retry commits it with the revived delivery, or discards it if there was none.
        audit.Record(admin, "events.delivery_retried", $"event:{eventId}", new { handler });
        return await deadLetters.RetryAsync(eventId, handler, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
    }
}
