using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Compila.Web.Infrastructure.Health;

public static class HealthEndpoints
{
    /// <summary>Checks tagged <c>ready</c> gate <c>/health/ready</c>; <c>/health/live</c> only says the process answers.</summary>
    public const string ReadyTag = "ready";

    public static void MapCompilaHealth(this WebApplication app)
    {
        // Probes from load balancers and orchestrators carry no token; the answers hold no secrets.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteJson })
            .DisableRateLimiting().AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteJson })
            .AllowAnonymous();
    }

    static Task WriteJson(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString().ToLowerInvariant(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString().ToLowerInvariant(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }
}
