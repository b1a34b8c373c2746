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
    public async Task Plans_ListWhatEachPlanUnlocks_AsTheGatesEnforceIt_AndMyBillingShowsTheCurrentPlans()
    {
        var learner = await app.CreateClient().RegisterAsync();
        var client = app.CreateClient().Authorized(learner.AccessToken);

        var plans = (await (await app.CreateClient().GetAsync("/v1/billing/plans")).ReadJsonAsync())["plans"]!.AsArray();
        var free = await (await client.GetAsync("/v1/billing")).ReadJsonAsync();
        await PlanScenario.SetPlanAsync(app.Services, learner.Id, "pro_plus");
        var proPlus = await (await client.GetAsync("/v1/billing")).ReadJsonAsync();

        Assert.Equal(["ai_daily_tokens"], FeatureIds(plans[0]!["unlocks"]!));
        Assert.Equal(["ai_daily_tokens", "cv_without_branding"], FeatureIds(plans[1]!["unlocks"]!));
        Assert.Equal(["ai_daily_tokens", "cv_without_branding", "featured_applications"], FeatureIds(plans[2]!["unlocks"]!));
        Assert.Equal("200.000 tokens de IA por dia (tutor e Smart Solver)", plans[1]!["unlocks"]!["features"]![0]!["description"]!.GetValue<string>());
        Assert.Contains("sem o rodapé", plans[1]!["unlocks"]!["features"]![1]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(FeatureIds(plans[0]!["unlocks"]!), FeatureIds(free["unlocks"]!));
        Assert.Equal("pro_plus", proPlus["plan"]!.GetValue<string>());
        Assert.Equal(FeatureIds(plans[2]!["unlocks"]!), FeatureIds(proPlus["unlocks"]!));
        Assert.Equal(1_000_000, proPlus["unlocks"]!["aiDailyTokens"]!.GetValue<int>());
    }

    static List<string> FeatureIds(System.Text.Json.Nodes.JsonNode unlocks) =>
        unlocks["features"]!.AsArray().Select(f => f!["id"]!.GetValue<string>()).ToList();

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
