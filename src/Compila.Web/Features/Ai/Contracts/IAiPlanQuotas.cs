namespace Compila.Web.Features.Ai.Contracts;

/// <summary>The daily AI token quota of a plan, as <c>AiQuota</c> enforces it (<c>Compila:Ai:DailyTokenQuota</c>).</summary>
public interface IAiPlanQuotas
{
    /// <summary>Tokens per UTC day for <paramref name="plan"/> (<c>free</c>, <c>pro</c>, <c>pro_plus</c>); 0 when not configured.</summary>
    int DailyTokens(string plan);
}
