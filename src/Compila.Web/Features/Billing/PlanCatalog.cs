using System.Globalization;
using Compila.Web.Features.Ai.Contracts;
using Microsoft.Extensions.Options;

namespace Compila.Web.Features.Billing;

public sealed record PlanUnlocks(int AiDailyTokens, IReadOnlyList<string> Features);

public sealed record PlanInfo(string Id, string Name, int MonthlyCents, int YearlyCents, string Currency, PlanUnlocks Unlocks);

public sealed record PassInfo(string Plan, int Months, int PriceCents, string Currency, IReadOnlyList<string> PaymentMethods);

public sealed record PlanCatalogResponse(IReadOnlyList<PlanInfo> Plans, IReadOnlyList<PassInfo> Passes, bool PaymentsEnabled);

/// <summary>
/// The one place that says what each plan is: names, BRL prices (options) and what it unlocks. Only what the server
/// enforces is listed (today: the daily AI quota, read from the options the quota check uses), so the pricing page
/// cannot promise more than a gate delivers.
/// </summary>
public sealed class PlanCatalog(IOptionsMonitor<BillingOptions> options, IAiPlanQuotas quotas)
{
    public const string Free = "free";
    public const string Pro = "pro";
    public const string ProPlus = "pro_plus";

    public static readonly IReadOnlyList<string> PaidPlans = [Pro, ProPlus];

    /// <summary>Higher is more; used to pick the best plan a learner holds.</summary>
    public static int Rank(string plan) => plan switch { ProPlus => 2, Pro => 1, _ => 0 };

    static readonly Dictionary<string, string> Names = new()
    {
        [Free] = "Gratuito",
        [Pro] = "Pro",
        [ProPlus] = "Pro+",
    };

    public PlanCatalogResponse Describe()
    {
        var current = options.CurrentValue;
        var plans = new[] { Free, Pro, ProPlus }.Select(id =>
        {
            var price = current.Prices.TryGetValue(id, out var p) ? p : new PlanPrice();
            var tokens = quotas.DailyTokens(id);
            return new PlanInfo(id, Names[id], price.MonthlyCents, price.YearlyCents, "BRL",
                new PlanUnlocks(tokens, [$"{tokens.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '.')} tokens de IA por dia (tutor e Smart Solver)"]));
        }).ToList();
        var passes = current.PassCents.OrderBy(p => p.Key)
            .Select(p => new PassInfo(Pro, p.Key, p.Value, "BRL", ["pix", "boleto"])).ToList();
        return new PlanCatalogResponse(plans, passes, current.Stripe.IsConfigured);
    }

    public int? PassCents(int months) => options.CurrentValue.PassCents.TryGetValue(months, out var cents) ? cents : null;

    public string? PriceId(string plan, string interval) =>
        options.CurrentValue.Stripe.PriceIds.TryGetValue(plan, out var ids)
            ? interval == "year" ? ids.Yearly : ids.Monthly
            : null;

    /// <summary>The plan a Stripe price id sells, or null when it is none of ours.</summary>
    public string? PlanOfPrice(string? priceId) =>
        priceId is null ? null : options.CurrentValue.Stripe.PriceIds
            .FirstOrDefault(p => p.Value.Monthly == priceId || p.Value.Yearly == priceId).Key;
}
