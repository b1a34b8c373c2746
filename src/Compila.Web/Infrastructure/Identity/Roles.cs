namespace Compila.Web.Infrastructure.Identity;

public static class Roles
{
    public const string User = "user";
    public const string Company = "company";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [User, Company, Admin];
}
