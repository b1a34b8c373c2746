using Compila.Judge;
using Compila.Web.Features.CodeExecution.Fairness;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Compila.Web.Features.CodeExecution;

/// <summary>Readiness includes the sandbox: without it nothing can be judged, so the instance is not ready.</summary>
internal sealed class JudgeHealthCheck(IJudge judge) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var sandbox = judge.Sandbox;
        var languages = judge.Languages.Where(l => l.Available).Select(l => l.Id).ToList();
        return Task.FromResult(sandbox.Available
            ? HealthCheckResult.Healthy($"{sandbox.Description}; languages: {string.Join(", ", languages)}")
            : HealthCheckResult.Unhealthy($"sandbox unavailable: {sandbox.UnavailableReason}"));
    }
}

public static class CodeExecutionServices
{
    public static void AddCompilaJudge(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<JudgeOptions>(builder.Configuration.GetSection(JudgeOptions.SectionName));
        builder.Services.AddCompilaJudge();
        builder.AddCompilaSandboxFairness();
        builder.Services.AddHealthChecks().AddCheck<JudgeHealthCheck>("judge", tags: [Infrastructure.Health.HealthEndpoints.ReadyTag]);
    }

    /// <summary>
    /// Builds the judge (sandbox and runtime probes) before the first request. Built lazily, a burst of first
    /// requests all blocked on the singleton while its probes waited for pool threads: 50 concurrent submits took 40 s.
    /// </summary>
    public static void WarmUpJudge(this WebApplication app) => app.Services.GetRequiredService<IJudge>();
}
