using Compila.Web.Infrastructure.Configuration;
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
    public static void AddCompilaFileStorage(this WebApplicationBuilder builder, CompilaOptions compila)
    {
        var services = builder.Services;
        services.AddOptions<StorageOptions>().Bind(builder.Configuration.GetSection(StorageOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        var provider = builder.Configuration.GetSection(StorageOptions.Section).GetValue<StorageProvider>(nameof(StorageOptions.Provider));
        if (provider == StorageProvider.S3)
        {
            services.AddSingleton<S3FileStorage>();
            services.AddSingleton<IFileStorage>(sp => sp.GetRequiredService<S3FileStorage>());
            // Only the api touches files. Degraded, not unhealthy: without its bucket an api still serves everything
            // but files, so it stays in the load balancer while /health/ready names the problem.
            if (compila.Role.ServesApi())
            {
                services.AddSingleton<S3HealthCheck>();
                services.AddHealthChecks().AddCheck<S3HealthCheck>("storage", HealthStatus.Degraded, [HealthEndpoints.ReadyTag]);
            }
        }
        else
        {
            services.AddSingleton<IFileStorage, LocalFileStorage>();
        }
    }
}

/// <summary>
/// Probes the bucket at most every 30 seconds and answers from the last probe, waiting for a running one only
/// briefly: readiness probes time out in a second or two, and a slow or unreachable bucket must not take the api out
/// of its load balancer (degraded, not unhealthy), nor cost one S3 request per probe.
/// </summary>
internal sealed class S3HealthCheck(S3FileStorage storage) : IHealthCheck
{
    static readonly TimeSpan Fresh = TimeSpan.FromSeconds(30);
    static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(10);
    static readonly TimeSpan Wait = TimeSpan.FromMilliseconds(500);

    readonly Lock gate = new();
    Task<(bool Reachable, string Description)>? probe;
    long probedAt;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        Task<(bool Reachable, string Description)> current;
        lock (gate)
        {
            if (probe is null || (probe.IsCompleted && Environment.TickCount64 - probedAt > Fresh.TotalMilliseconds))
            {
                probedAt = Environment.TickCount64;
                probe = ProbeAsync();
            }

            current = probe;
        }

        try
        {
            var (reachable, description) = await current.WaitAsync(Wait, cancellationToken);
            return reachable ? HealthCheckResult.Healthy(description) : new HealthCheckResult(context.Registration.FailureStatus, description);
        }
        catch (TimeoutException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "S3 ainda não respondeu.");
        }
    }

    async Task<(bool Reachable, string Description)> ProbeAsync()
    {
        using var timeout = new CancellationTokenSource(ProbeTimeout);
        try
        {
            return await storage.ProbeAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            return (false, "S3 não respondeu.");
        }
    }
}
