using Compila.Web.Features.Ai.Contracts;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Compila.Web.Features.Ai;

public static class AiServices
{
    /// <summary>The LLM layer (options, gateway, circuit breaker, quotas). Idempotent: the Smart Solver and the tutor both call it.</summary>
    public static void AddCompilaAi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AiOptions>().Bind(builder.Configuration.GetSection(AiOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHttpClient(AiGateway.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<AiCircuitBreaker>();
        builder.Services.TryAddSingleton<AiMetrics>();
        builder.Services.TryAddSingleton<AiGateway>();
        builder.Services.TryAddSingleton<AiQuota>();
        builder.Services.TryAddSingleton<IAiPlanQuotas, AiPlanQuotas>();
    }
}
