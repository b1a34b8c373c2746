using Microsoft.Extensions.Options;

namespace Compila.Web.Features.Billing;

/// <summary>The <c>Compila:Billing</c> section: the plan catalog and, optionally, Stripe.</summary>
public sealed class BillingOptions
{
    public const string Section = "Compila:Billing";

    /// <summary>Days a paid plan stays in force past the end of its paid period, while Stripe retries a failed payment.</summary>
    public int GraceDays { get; set; } = 3;

    /// <summary>Prices in BRL cents. The AI quota of each plan comes from <c>Compila:Ai:DailyTokenQuota</c>.</summary>
    public Dictionary<string, PlanPrice> Prices { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["pro"] = new() { MonthlyCents = 2990, YearlyCents = 29900 },
        ["pro_plus"] = new() { MonthlyCents = 5990, YearlyCents = 59900 },
    };

    /// <summary>One-time passes of pro (Pix or boleto): months → price in BRL cents.</summary>
    public Dictionary<int, int> PassCents { get; set; } = new()
    {
        [1] = 2990,
        [3] = 7990,
        [12] = 29900,
    };

    public StripeOptions Stripe { get; set; } = new();
}

public sealed class PlanPrice
{
    public int MonthlyCents { get; set; }
    public int YearlyCents { get; set; }
}

/// <summary><c>Compila:Billing:Stripe</c>. Payments are on only when both the API key and the webhook secret are set.</summary>
public sealed class StripeOptions
{
    public string? ApiKey { get; set; }
    public string? WebhookSecret { get; set; }

    /// <summary>Stripe's API base URL; empty means Stripe's own.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Where Stripe sends the learner back after Checkout or the Customer Portal (the SPA's billing page).</summary>
    public string ReturnUrl { get; set; } = "http://localhost:8080/conta/plano";

    /// <summary>How old a webhook's signed timestamp may be, in seconds.</summary>
    public int WebhookToleranceSeconds { get; set; } = 300;

    /// <summary>Stripe price ids of the recurring card prices: <c>pro</c>, <c>pro_plus</c> → monthly and yearly.</summary>
    public Dictionary<string, StripePriceIds> PriceIds { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ApiKey) && !string.IsNullOrWhiteSpace(WebhookSecret);
}

public sealed class StripePriceIds
{
    public string? Monthly { get; set; }
    public string? Yearly { get; set; }
}

/// <summary>Checked on start, and only when Stripe is configured: without it the app runs as before.</summary>
internal sealed class BillingOptionsValidator : IValidateOptions<BillingOptions>
{
    public ValidateOptionsResult Validate(string? name, BillingOptions options)
    {
        var failures = new List<string>();
        if (options.GraceDays is < 0 or > 60)
        {
            failures.Add("Compila:Billing:GraceDays must be between 0 and 60.");
        }

        var stripe = options.Stripe;
        if (string.IsNullOrWhiteSpace(stripe.ApiKey) != string.IsNullOrWhiteSpace(stripe.WebhookSecret))
        {
            failures.Add("Compila:Billing:Stripe needs both ApiKey and WebhookSecret (or neither).");
        }

        if (stripe.IsConfigured)
        {
            if (!string.IsNullOrWhiteSpace(stripe.BaseUrl) && !IsHttpUrl(stripe.BaseUrl))
            {
                failures.Add("Compila:Billing:Stripe:BaseUrl must be an absolute http(s) URL.");
            }

            if (!IsHttpUrl(stripe.ReturnUrl))
            {
                failures.Add("Compila:Billing:Stripe:ReturnUrl must be an absolute http(s) URL.");
            }

            if (stripe.WebhookToleranceSeconds is < 1 or > 3600)
            {
                failures.Add("Compila:Billing:Stripe:WebhookToleranceSeconds must be between 1 and 3600.");
            }

            foreach (var plan in PlanCatalog.PaidPlans)
            {
                if (!stripe.PriceIds.TryGetValue(plan, out var ids) || string.IsNullOrWhiteSpace(ids.Monthly) || string.IsNullOrWhiteSpace(ids.Yearly))
                {
                    failures.Add($"Compila:Billing:Stripe:PriceIds:{plan} needs Monthly and Yearly price ids.");
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
}
