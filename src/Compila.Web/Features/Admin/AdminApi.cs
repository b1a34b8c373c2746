using System.Security.Claims;
using Compila.Web.Features.Admin.Audit;
using Compila.Web.Features.Users;
using Compila.Web.Features.Users.Contracts;
using Compila.Web.Infrastructure.Data;
using Compila.Web.Infrastructure.Errors;
using Compila.Web.Infrastructure.Identity;
using Compila.Web.Infrastructure.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Compila.Web.Features.Admin;

public sealed record AdminUpdateUserRequest(string? SubscriptionPlan, DateTimeOffset? SubscriptionExpiresAt);

public static class AdminApi
{
    public static RouteGroupBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/admin").WithTags("Admin").RequireAuthorization(Policies.Admin);
        api.MapGet("/users", ListUsers).WithName("AdminListUsers");
        api.MapPatch("/users/{username}", UpdateUser).WithName("AdminUpdateUser");
        return api;
    }

    internal static async Task<Results<Ok<Page<UserProfile>>, ValidationProblem>> ListUsers(
        CompilaDb db, CancellationToken ct, int page = 1, int size = 20, string? q = null)
    {
        var errors = new ValidationErrors().CheckPaging(page, size);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim().ToLowerInvariant();
            query = query.Where(u => u.Username.Contains(term) || u.Email.Contains(term));
        }

        var total = await query.CountAsync(ct);
        var users = await query.Include(u => u.Roles).OrderBy(u => u.Username)
            .TakePage(page, size).ToListAsync(ct);
        return TypedResults.Ok(new Page<UserProfile>(users.Select(UserProfile.From).ToList(), page, size, total));
    }

    /// <summary>Plan changes go through Users (which publishes <c>PlanChanged</c>) and are audited in the same commit.</summary>
    internal static async Task<Results<Ok<UserProfile>, ValidationProblem, NotFound>> UpdateUser(
        string username, AdminUpdateUserRequest request, ClaimsPrincipal admin, CompilaDb db, IUserPlans plans, AdminAuditLog audit, CancellationToken ct)
    {
        SubscriptionPlan plan = default;
        if (request.SubscriptionPlan is not null && !EnumLabels.TryParse(request.SubscriptionPlan, out plan))
        {
            return new ValidationErrors()
                .Add("subscriptionPlan", $"Plano desconhecido. Use: {string.Join(", ", EnumLabels.Labels<SubscriptionPlan>())}.")
                .ToProblem();
        }

        var normalizedUsername = Usernames.Normalize(username);
        var user = await db.Users.Include(u => u.Roles).SingleOrDefaultAsync(u => u.Username == normalizedUsername, ct);
        if (user is null)
        {
            return TypedResults.NotFound();
        }

        var from = new { plan = EnumLabels.ToLabel(user.SubscriptionPlan), expiresAt = user.SubscriptionExpiresAt };
        var to = new
        {
            plan = request.SubscriptionPlan is null ? from.plan : EnumLabels.ToLabel(plan),
            expiresAt = request.SubscriptionExpiresAt ?? user.SubscriptionExpiresAt,
        };
        if (!to.Equals(from))
        {
            await plans.ApplyAsync(new PlanChangeRequest(user.Id, to.plan, to.expiresAt, "admin"), ct);
            audit.Record(admin, "user.plan_changed", $"user:{user.Username}", new { from, to });
            await db.SaveChangesAsync(ct);
        }

        return TypedResults.Ok(UserProfile.From(user));
    }
}
