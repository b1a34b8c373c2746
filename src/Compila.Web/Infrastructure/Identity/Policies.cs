using Microsoft.AspNetCore.Authorization;

namespace Compila.Web.Infrastructure.Identity;

public static class Policies
{
    public const string Admin = "admin";

    public static AuthorizationBuilder AddCompilaPolicies(this AuthorizationBuilder authorization) =>
        authorization.AddPolicy(Admin, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Admin));
}
