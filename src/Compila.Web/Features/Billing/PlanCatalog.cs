using System.Globalization;
using Compila.Web.Features.Ai.Contracts;
using Compila.Web.Features.Billing.Contracts;
using Compila.Web.Infrastructure.Data;
using Microsoft.Extensions.Options;

namespace Compila.Web.Features.Billing;

/// <summary>
/// One thing a plan unlocks. <paramref name="Id"/> is stable, for clients to translate: <c>ai_daily_tokens</c> or a
/// capability (<c>cv_without_branding</c>, <c>featured_applications</c>); <paramref name="Description"/> says it in pt-BR.
/// </summary>
public sealed record PlanFeature(string Id, string Description);

/// <summary>What a plan unlocks: its daily AI tokens and every feature a server gate enforces, the tokens first.</summary>
public sealed record PlanUnlocks(int AiDailyTokens, IReadOnlyList<PlanFeature> Features);

public sealed record PlanInfo(string Id, string Name, int MonthlyCents, int YearlyCents, string Currency, PlanUnlocks Unlocks);

public sealed record PassInfo(string Plan, int Months, int PriceCents, string Currency, IReadOnlyList<string> PaymentMethods);

public sealed record PlanCatalogResponse(IReadOnlyList<PlanInfo> Plans, IReadOnlyList<PassInfo> Passes, bool PaymentsEnabled);

/// <summary>
/// The one place that says what each plan is: names, BRL prices (options) and what it unlocks. Only what the server
/// enforces is listed: the daily AI quota (read from the options the quota check uses) and the capabilities in
/// <see cref="Capabilities"/>, which the owning features enforce through <see cref="IPlanGates"/> asking
/// <see cref="Unlocks"/>; so the pricing page cannot promise more than a gate delivers.
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

    /// <summary>Each capability with the cheapest plan that unlocks it (higher plans include it) and its pt-BR description.</summary>
    internal static readonly IReadOnlyDictionary<PlanCapability, (string LowestPlan, string Description)> Capabilities =
        new Dictionary<PlanCapability, (string, string)>
        {
            [PlanCapability.CvWithoutBranding] = (Pro, "Currículo em PDF sem o rodapé “Gerado em … por compila.dev”"),
            [PlanCapability.FeaturedApplications] = (ProPlus,
                "Candidaturas em destaque: selo Pro+ para a empresa e à frente de quem tem a mesma pontuação (ninguém é escondido)"),
        };

    /// <summary>Whether <paramref name="plan"/> (the plan in force) unlocks <paramref name="capability"/>.</summary>
    public static bool Unlocks(string plan, PlanCapability capability) => Rank(plan) >= Rank(Capabilities[capability].LowestPlan);

    public PlanCatalogResponse Describe()
    {
        var current = options.CurrentValue;
        var plans = new[] { Free, Pro, ProPlus }.Select(id =>
        {
            var price = current.Prices.TryGetValue(id, out var p) ? p : new PlanPrice();
            return new PlanInfo(id, Names[id], price.MonthlyCents, price.YearlyCents, "BRL", UnlocksOf(id));
        }).ToList();
        var passes = current.PassCents.OrderBy(p => p.Key)
            .Select(p => new PassInfo(Pro, p.Key, p.Value, "BRL", ["pix", "boleto"])).ToList();
        return new PlanCatalogResponse(plans, passes, current.Stripe.IsConfigured);
    }

    public PlanUnlocks UnlocksOf(string plan)
    {
        var tokens = quotas.DailyTokens(plan);
        var features = new List<PlanFeature>
        {
            new("ai_daily_tokens", $"{tokens.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '.')} tokens de IA por dia (tutor e Smart Solver)"),
        };
        features.AddRange(Enum.GetValues<PlanCapability>().Where(c => Unlocks(plan, c))
            .Select(c => new PlanFeature(EnumLabels.ToLabel(c), Capabilities[c].Description)));
        return new PlanUnlocks(tokens, features);
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
