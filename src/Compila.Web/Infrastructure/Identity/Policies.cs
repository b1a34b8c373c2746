using Microsoft.AspNetCore.Authorization;

namespace Compila.Web.Infrastructure.Identity;

public static class Policies
{
    public const string Admin = "admin";
    public const string Company = "company";

    public static AuthorizationBuilder AddCompilaPolicies(this AuthorizationBuilder authorization) =>
        authorization
            .AddPolicy(Admin, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Admin))
            .AddPolicy(Company, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Company));
}
