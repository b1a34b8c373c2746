using System.Security.Claims;

namespace Compila.Web.Infrastructure.Identity;

/// <summary>Who is calling, read from the access token's claims (the token's <c>sub</c> is the user id).</summary>
public static class CurrentUser
{
    public static Guid? CurrentUserId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue("sub"), out var id) ? id : null;

    public static bool IsAdmin(this ClaimsPrincipal principal) => principal.IsInRole(Roles.Admin);
}
