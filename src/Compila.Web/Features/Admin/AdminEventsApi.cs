using System.Security.Claims;
using Compila.Web.Features.Admin.Audit;
using Compila.Web.Infrastructure.Errors;
using Compila.Web.Infrastructure.Events;
using Compila.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Compila.Web.Features.Admin;

public sealed record DeadLetterPage(IReadOnlyList<DeadLetter> Items, int Page, int Size, int Total);

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

    internal static async Task<Results<Ok<DeadLetterPage>, ValidationProblem>> ListDead(DeadLetters deadLetters, CancellationToken ct, int page = 1, int size = 20)
    {
        var errors = new ValidationErrors();
        if (page < 1)
        {
            errors.Add("page", "A página começa em 1.");
        }

        if (size is < 1 or > 100)
        {
            errors.Add("size", "O tamanho da página vai de 1 a 100.");
        }

        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var (items, total) = await deadLetters.ListAsync(page, size, ct);
        return TypedResults.Ok(new DeadLetterPage(items, page, size, total));
    }

    internal static async Task<Results<NoContent, NotFound>> Retry(
        Guid eventId, string handler, ClaimsPrincipal admin, DeadLetters deadLetters, AdminAuditLog audit, CancellationToken ct)
    {
        // Staged first: the retry commits it with the revived delivery, or discards it if there was none.
        audit.Record(admin, "events.delivery_retried", $"event:{eventId}", new { handler });
        return await deadLetters.RetryAsync(eventId, handler, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
    }
}
