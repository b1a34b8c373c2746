using Compila.Web.Tests.Infrastructure;

namespace Compila.Web.Tests.Features.Billing;

/// <summary>The real app with Stripe configured against a <see cref="FakeStripe"/> started for the test class.</summary>
public sealed class BillingFixture : IAsyncLifetime
{
    public const string ProMonthly = "price_pro_month";
    public const string ProYearly = "price_pro_year";
    public const string ProPlusMonthly = "price_pro_plus_month";
    public const string ProPlusYearly = "price_pro_plus_year";

    public FakeStripe Stripe { get; private set; } = null!;

    public CompilaApp App { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Stripe = await FakeStripe.StartAsync();
        App = CompilaApp.With(new()
        {
            ["Compila:Billing:Stripe:ApiKey"] = FakeStripe.ApiKey,
            ["Compila:Billing:Stripe:WebhookSecret"] = FakeStripe.WebhookSecret,
            ["Compila:Billing:Stripe:BaseUrl"] = Stripe.BaseUrl,
            ["Compila:Billing:Stripe:ReturnUrl"] = "https://compila.test/conta/plano",
            ["Compila:Billing:Stripe:PriceIds:pro:Monthly"] = ProMonthly,
            ["Compila:Billing:Stripe:PriceIds:pro:Yearly"] = ProYearly,
            ["Compila:Billing:Stripe:PriceIds:pro_plus:Monthly"] = ProPlusMonthly,
            ["Compila:Billing:Stripe:PriceIds:pro_plus:Yearly"] = ProPlusYearly,
        });
        _ = App.Server;
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Stripe.DisposeAsync();
    }
}
