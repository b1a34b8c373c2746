using System.Net;
using System.Net.Http.Json;
using System.Text;
using Compila.Web.Tests.Infrastructure;

namespace Compila.Web.Tests.Features.Billing;

/// <summary>The app as it runs without Stripe settings: plans are listed, paying is not offered, nothing breaks.</summary>
public sealed class BillingWithoutStripeTests(CompilaApp app) : IClassFixture<CompilaApp>
{
    [Fact]
    public async Task Plans_AreListedAnonymously_WithBrlPricesInCents_AndTheEnforcedAiQuota()
    {
        var response = await app.CreateClient().GetAsync("/v1/billing/plans");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        var plans = body["plans"]!.AsArray();
        Assert.Equal(["free", "pro", "pro_plus"], plans.Select(p => p!["id"]!.GetValue<string>()));
        var pro = plans[1]!;
        Assert.Equal(2990, pro["monthlyCents"]!.GetValue<int>());
        Assert.Equal(29900, pro["yearlyCents"]!.GetValue<int>());
        Assert.Equal("BRL", pro["currency"]!.GetValue<string>());
        Assert.Equal(200_000, pro["unlocks"]!["aiDailyTokens"]!.GetValue<int>());
        Assert.Equal(20_000, plans[0]!["unlocks"]!["aiDailyTokens"]!.GetValue<int>());
        Assert.Equal([1, 3, 12], body["passes"]!.AsArray().Select(p => p!["months"]!.GetValue<int>()));
        Assert.False(body["paymentsEnabled"]!.GetValue<bool>());
    }

    [Fact]
    public async Task CheckoutPortalAndWebhook_AnswerThatPaymentsAreNotConfigured()
    {
        var learner = await app.CreateClient().RegisterAsync();
        var client = app.CreateClient().Authorized(learner.AccessToken);

        var checkout = await client.PostAsJsonAsync("/v1/billing/checkout", new { plan = "pro", interval = "month" });
        var portal = await client.PostAsync("/v1/billing/portal", null);
        var webhook = await app.CreateClient().PostAsync("/v1/billing/webhook", new StringContent("{}", Encoding.UTF8, "application/json"));
        var mine = await client.GetAsync("/v1/billing");

        foreach (var response in new[] { checkout, portal, webhook })
        {
            var problem = await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.Equal("Pagamentos não configurados.", problem["title"]!.GetValue<string>());
        }

        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        var body = await mine.ReadJsonAsync();
        Assert.Equal("free", body["plan"]!.GetValue<string>());
        Assert.False(body["paymentsEnabled"]!.GetValue<bool>());
        await (await app.CreateClient().GetAsync("/v1/billing")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}
