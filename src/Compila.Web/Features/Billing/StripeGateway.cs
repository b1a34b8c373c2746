using Microsoft.Extensions.Options;
using Stripe;

namespace Compila.Web.Features.Billing;

/// <summary>Stripe.net clients built from the options; <c>BaseUrl</c> points them at another API host (tests use a local one).</summary>
internal sealed class StripeGateway(IOptionsMonitor<BillingOptions> options)
{
    public StripeOptions Options => options.CurrentValue.Stripe;

    public bool IsConfigured => Options.IsConfigured;

    public StripeClient Client()
    {
        var stripe = Options;
        return string.IsNullOrWhiteSpace(stripe.BaseUrl)
            ? new StripeClient(apiKey: stripe.ApiKey)
            : new StripeClient(apiKey: stripe.ApiKey, apiBase: stripe.BaseUrl.TrimEnd('/'));
    }

    /// <summary>Stripe's current state of a subscription: what the plan follows, whatever order events came in.</summary>
    public Task<Subscription> GetSubscriptionAsync(string id, CancellationToken ct) =>
        new SubscriptionService(Client()).GetAsync(id, cancellationToken: ct);
}
