using Compila.Web.Features.Users.Contracts;

namespace Compila.Web.Features.Users;

public static class UsersServices
{
    public static void AddCompilaUsers(this WebApplicationBuilder builder) =>
        builder.Services.AddScoped<IUserDirectory, UserDirectory>();
}
