using System.Security.Claims;
using Compila.Web.Infrastructure.Data;
using Compila.Web.Infrastructure.Errors;
using Compila.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Compila.Web.Features.Notifications;

public sealed record NotificationResource(Guid Id, string Kind, string Title, string Body, string? Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

public sealed record NotificationList(IReadOnlyList<NotificationResource> Items, int Unread);

public sealed record MarkReadRequest(List<Guid>? Ids);

/// <summary><c>/v1/me/notifications</c>: the caller's latest notifications and unread count; marking them read.</summary>
public static class NotificationsApi
{
    const int Shown = 50;
    const int MarkMax = 200;

    public static void MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var notifications = app.MapGroup("/v1/me/notifications").WithTags("Notifications").RequireAuthorization();
        notifications.MapGet("/", List).WithName("ListMyNotifications");
        notifications.MapPost("/read", MarkRead).WithName("MarkNotificationsRead");
    }

    internal static async Task<Ok<NotificationList>> List(ClaimsPrincipal principal, CompilaDb db, CancellationToken ct)
    {
        var me = principal.CurrentUserId();
        var mine = db.Set<Notification>().AsNoTracking().Where(n => n.UserId == me);
        var items = await mine.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(Shown)
            .Select(n => new NotificationResource(n.Id, n.Kind, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt)).ToListAsync(ct);
        var unread = await mine.CountAsync(n => n.ReadAt == null, ct);
        return TypedResults.Ok(new NotificationList(items, unread));
    }

    internal static async Task<Results<NoContent, ValidationProblem>> MarkRead(
        MarkReadRequest? request, ClaimsPrincipal principal, CompilaDb db, TimeProvider clock, CancellationToken ct)
    {
        if (request?.Ids is { Count: > MarkMax })
        {
            return new ValidationErrors().Add("ids", $"Marque no máximo {MarkMax} de uma vez.").ToProblem();
        }

        var me = principal.CurrentUserId();
        var now = clock.GetUtcNow();
        var unread = db.Set<Notification>().Where(n => n.UserId == me && n.ReadAt == null);
        if (request?.Ids is { } ids)
        {
            unread = unread.Where(n => ids.Contains(n.Id));
        }

        await unread.ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        return TypedResults.NoContent();
    }
}
