using System.Security.Claims;

namespace Compila.Web.Features.Admin.Contracts;

/// <summary>
/// How any feature's admin endpoint records what an admin did: the entry is staged on the request's
/// <c>CompilaDb</c> and commits with the change it describes, so there is no change without its entry.
/// </summary>
public interface IAdminAudit
{
    /// <param name="action">Dotted and past tense: <c>company.approved</c>, <c>user.plan_changed</c>.</param>
    /// <param name="target">What was changed, as <c>kind:id</c>.</param>
    /// <param name="details">Serialised as JSON: the before and after, never secrets.</param>
    void Record(ClaimsPrincipal actor, string action, string target, object details);
}
