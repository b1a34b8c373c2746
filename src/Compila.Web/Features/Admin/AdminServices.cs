using Compila.Web.Features.Admin.Audit;

namespace Compila.Web.Features.Admin;

public static class AdminServices
{
    public static void AddCompilaAdmin(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AdminAuditLog>();
        builder.Services.AddScoped<Contracts.IAdminAudit>(sp => sp.GetRequiredService<AdminAuditLog>());
    }

    public static void MapCompilaAdmin(this IEndpointRouteBuilder app)
    {
        app.MapAdminApi();
        app.MapAdminEventsApi();
        app.MapAdminAuditApi();
    }
}
