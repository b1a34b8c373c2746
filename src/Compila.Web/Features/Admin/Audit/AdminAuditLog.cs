using System.Security.Claims;
using System.Text.Json;
using Compila.Web.Features.Admin.Contracts;
using Compila.Web.Infrastructure.Data;
using Compila.Web.Infrastructure.Identity;

namespace Compila.Web.Features.Admin.Audit;

/// <summary>Stages an audit entry on the request's <c>CompilaDb</c>; it commits with the change it describes.</summary>
public sealed class AdminAuditLog(CompilaDb db, TimeProvider clock) : IAdminAudit
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Record(ClaimsPrincipal actor, string action, string target, object details)
    {
        db.Set<AdminAuditEntry>().Add(new AdminAuditEntry
        {
            ActorId = actor.CurrentUserId() ?? throw new InvalidOperationException("An admin action without a signed-in admin."),
            ActorUsername = actor.FindFirstValue("name") ?? "?",
            Action = action,
            Target = target,
            Details = JsonSerializer.Serialize(details, Json),
            At = clock.GetUtcNow(),
        });
    }
}
