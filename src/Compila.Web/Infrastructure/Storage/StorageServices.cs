using Compila.Web.Infrastructure.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Compila.Web.Infrastructure.Storage;

public static class StorageServices
{
    /// <summary>
    /// File storage: the data folder's <c>files/</c> by default, an S3-compatible bucket when
    /// <c>Compila:Storage:Provider</c> is <c>S3</c> (settings checked on start).
    /// </summary>
    public static void AddCompilaFileStorage(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<StorageOptions>().Bind(builder.Configuration.GetSection(StorageOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        var provider = builder.Configuration.GetSection(StorageOptions.Section).GetValue<StorageProvider>(nameof(StorageOptions.Provider));
        if (provider == StorageProvider.S3)
        {
            services.AddSingleton<S3FileStorage>();
            services.AddSingleton<IFileStorage>(sp => sp.GetRequiredService<S3FileStorage>());
            // Degraded, not unhealthy: without its bucket an api still serves everything but files, so it stays in
            // the load balancer while /health/ready names the problem.
            services.AddHealthChecks().AddCheck<S3HealthCheck>(
                "storage", HealthStatus.Degraded, [HealthEndpoints.ReadyTag], timeout: TimeSpan.FromSeconds(10));
        }
        else
        {
            services.AddSingleton<IFileStorage, LocalFileStorage>();
        }
    }
}

internal sealed class S3HealthCheck(S3FileStorage storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var (reachable, description) = await storage.ProbeAsync(cancellationToken);
        return reachable ? HealthCheckResult.Healthy(description) : new HealthCheckResult(context.Registration.FailureStatus, description);
    }
}
