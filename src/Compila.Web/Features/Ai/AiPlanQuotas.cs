using Compila.Web.Features.Ai.Contracts;
using Microsoft.Extensions.Options;

namespace Compila.Web.Features.Ai;

/// <summary>Lets the plan catalog show the quota that is actually enforced, read from the same options.</summary>
internal sealed class AiPlanQuotas(IOptionsMonitor<AiOptions> options) : IAiPlanQuotas
{
    public int DailyTokens(string plan) =>
        options.CurrentValue.DailyTokenQuota.TryGetValue(plan, out var tokens) ? tokens : 0;
}
