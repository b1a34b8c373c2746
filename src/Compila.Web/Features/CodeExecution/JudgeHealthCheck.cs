using System.Diagnostics.Metrics;
using Compila.Judge;
using Compila.Web.Features.CodeExecution.Fairness;
using Compila.Web.Infrastructure.Telemetry;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Compila.Web.Features.CodeExecution;

/// <summary>
/// Readiness includes the sandbox: without it nothing can be judged, so the instance is not ready. A language whose
/// runtime or tool is missing makes it degraded (still serving the others) and is named with the reason.
/// </summary>
internal sealed class JudgeHealthCheck(IJudge judge) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var sandbox = judge.Sandbox;
        if (!sandbox.Available)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"sandbox unavailable: {sandbox.UnavailableReason}"));
        }

        var available = judge.Languages.Where(l => l.Available).Select(l => l.Id).ToList();
        var unavailable = judge.Languages.Where(l => !l.Available).Select(l => $"{l.Id} ({l.UnavailableReason})").ToList();
        var description = $"{sandbox.Description}; languages: {string.Join(", ", available)}";
        return Task.FromResult(unavailable.Count == 0
            ? HealthCheckResult.Healthy(description)
            : HealthCheckResult.Degraded($"{description}; unavailable: {string.Join("; ", unavailable)}"));
    }
}

public static class CodeExecutionServices
{
    public static void AddCompilaJudge(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<JudgeOptions>(builder.Configuration.GetSection(JudgeOptions.SectionName));
        builder.Services.AddCompilaJudge();
        builder.AddCompilaSandboxFairness();
        builder.Services.Replace(ServiceDescriptor.Singleton<IJudge>(sp => new MeteredJudge(
            sp.GetRequiredService<BubblewrapJudge>(), sp.GetRequiredService<IMeterFactory>(), sp.GetRequiredService<MetricTags>())));
        builder.Services.AddHealthChecks().AddCheck<JudgeHealthCheck>("judge", tags: [Infrastructure.Health.HealthEndpoints.ReadyTag]);
    }

    /// <summary>
    /// Builds the judge (sandbox and runtime probes) before the first request. Built lazily, a burst of first
    /// requests all blocked on the singleton while its probes waited for pool threads: 50 concurrent submits took 40 s.
    /// </summary>
    public static void WarmUpJudge(this WebApplication app) => app.Services.GetRequiredService<IJudge>();
}
