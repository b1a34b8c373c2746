using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Compila.Web.Features.Billing;
using Compila.Web.Features.Users.Contracts;
using Compila.Web.Tests.Features.Jobs;
using Compila.Web.Tests.Features.Portfolio.Export;
using Compila.Web.Tests.Infrastructure;

namespace Compila.Web.Tests.Features.Billing;

public sealed class BillingTests(BillingFixture billing) : IClassFixture<BillingFixture>
{
    CompilaApp App => billing.App;

    FakeStripe Stripe => billing.Stripe;

    [Fact]
    public async Task Checkout_ForASubscription_CreatesTheCustomerOnce_AndReturnsStripesUrl()
    {
        var learner = await App.CreateClient().RegisterAsync();
        var client = App.CreateClient().Authorized(learner.AccessToken);

        var first = await client.PostAsJsonAsync("/v1/billing/checkout", new { plan = "pro_plus", interval = "year" });
        var second = await client.PostAsJsonAsync("/v1/billing/checkout", new { plan = "pro", interval = "month" });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.StartsWith("https://checkout.stripe.test/", (await first.ReadJsonAsync())["url"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var sessions = SessionsOf(learner);
        Assert.Equal(2, sessions.Length);
        Assert.All(sessions, s => Assert.Equal("subscription", s.Form["mode"]));
        Assert.Equal(BillingFixture.ProPlusYearly, sessions[0].Form["line_items[0][price]"]);
        Assert.Equal(BillingFixture.ProMonthly, sessions[1].Form["line_items[0][price]"]);
        Assert.Equal(sessions[0].Form["customer"], sessions[1].Form["customer"]);
        Assert.Equal(learner.Id.ToString(), sessions[0].Form["subscription_data[metadata][user_id]"]);
        Assert.Single(Stripe.CallsTo("/v1/customers"), c => c.Form["metadata[user_id]"] == learner.Id.ToString());
    }

    [Fact]
    public async Task Checkout_ForAPass_IsAOneTimePaymentByPixOrBoleto_AtTheCatalogPrice()
    {
        var learner = await App.CreateClient().RegisterAsync();
        var client = App.CreateClient().Authorized(learner.AccessToken);

        var response = await client.PostAsJsonAsync("/v1/billing/checkout", new { passMonths = 3 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var session = Assert.Single(SessionsOf(learner));
        Assert.Equal("payment", session.Form["mode"]);
        Assert.Equal("pix", session.Form["allowed_payment_method_types[0]"]);
        Assert.Equal("boleto", session.Form["allowed_payment_method_types[1]"]);
        Assert.Equal("7990", session.Form["line_items[0][price_data][unit_amount]"]);
        Assert.Equal("brl", session.Form["line_items[0][price_data][currency]"]);
        Assert.Equal("3", session.Form["metadata[pass_months]"]);
    }

    [Fact]
    public async Task Checkout_RefusesUnknownPlansIntervalsAndPasses_AndAnonymousCallers()
    {
        var learner = await App.CreateClient().RegisterAsync();
        var client = App.CreateClient().Authorized(learner.AccessToken);

        var plan = await (await client.PostAsJsonAsync("/v1/billing/checkout", new { plan = "free", interval = "month" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        var interval = await (await client.PostAsJsonAsync("/v1/billing/checkout", new { plan = "pro", interval = "week" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        var pass = await (await client.PostAsJsonAsync("/v1/billing/checkout", new { passMonths = 2 })).AssertProblemAsync(HttpStatusCode.BadRequest);
        var both = await (await client.PostAsJsonAsync("/v1/billing/checkout", new { plan = "pro", interval = "month", passMonths = 1 })).AssertProblemAsync(HttpStatusCode.BadRequest);
        var anonymous = await App.CreateClient().PostAsJsonAsync("/v1/billing/checkout", new { plan = "pro", interval = "month" });

        Assert.NotNull(plan["errors"]!["plan"]);
        Assert.NotNull(interval["errors"]!["interval"]);
        Assert.NotNull(pass["errors"]!["passMonths"]);
        Assert.NotNull(both["errors"]!["passMonths"]);
        await anonymous.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Empty(SessionsOf(learner));
    }

    [Fact]
    public async Task Portal_OpensForACustomer_AndIsAConflictBeforeAnyCheckout()
    {
        var learner = await App.CreateClient().RegisterAsync();
        var client = App.CreateClient().Authorized(learner.AccessToken);

        var before = await client.PostAsync("/v1/billing/portal", null);
        await client.PostAsJsonAsync("/v1/billing/checkout", new { plan = "pro", interval = "month" });
        var after = await client.PostAsync("/v1/billing/portal", null);

        await before.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.StartsWith("https://billing.stripe.test/", (await after.ReadJsonAsync())["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task SubscriptionCreated_GivesThePlanUntilThePeriodEndPlusGrace_AndPublishesPlanChanged()
    {
        var (learner, customer) = await CustomerAsync();
        var periodEnd = DateTimeOffset.UtcNow.AddDays(30);
        var subscription = Stripe.SetSubscription(Stripe.NextId("sub"), customer, BillingFixture.ProMonthly, "active", periodEnd);

        var response = await SendAsync(FakeStripe.Event("customer.subscription.created", subscription));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var mine = await MineAsync(learner);
        Assert.Equal("pro", mine["plan"]!.GetValue<string>());
        AssertClose(periodEnd.AddDays(3), mine["expiresAt"]!.GetValue<DateTimeOffset>());
        AssertClose(periodEnd, mine["renewsAt"]!.GetValue<DateTimeOffset>());
        var changed = Assert.Single(await PublishedEvents.ReadAsync<PlanChanged>(App.Services), e => e.UserId == learner.Id);
        Assert.Equal(("free", "pro", "stripe"), (changed.FromPlan, changed.ToPlan, changed.Source));
    }

    [Fact]
    public async Task ReplayedEvent_IsAppliedOnce()
    {
        var (learner, customer) = await CustomerAsync();
        var subscriptionId = Stripe.NextId("sub");
        Stripe.SetSubscription(subscriptionId, customer, BillingFixture.ProMonthly, "active", DateTimeOffset.UtcNow.AddDays(30));
        var payload = FakeStripe.Event("invoice.paid", Invoice(customer, subscriptionId, 2990));

        var first = await SendAsync(payload);
        var replay = await SendAsync(payload);

        Assert.False((await first.ReadJsonAsync())["duplicate"]!.GetValue<bool>());
        Assert.True((await replay.ReadJsonAsync())["duplicate"]!.GetValue<bool>());
        var payment = Assert.Single((await MineAsync(learner))["payments"]!.AsArray());
        Assert.Equal(("paid", 2990L, "BRL"), (payment!["status"]!.GetValue<string>(), payment["amountCents"]!.GetValue<long>(), payment["currency"]!.GetValue<string>()));
        Assert.Single(await PublishedEvents.ReadAsync<PlanChanged>(App.Services), e => e.UserId == learner.Id);
    }

    [Fact]
    public async Task ForgedMissingAndLateSignatures_AreRefused_AndApplyNothing()
    {
        var (learner, customer) = await CustomerAsync();
        var subscription = Stripe.SetSubscription(Stripe.NextId("sub"), customer, BillingFixture.ProPlusMonthly, "active", DateTimeOffset.UtcNow.AddDays(30));
        var payload = FakeStripe.Event("customer.subscription.created", subscription);

        var forged = await SendAsync(payload, FakeStripe.Sign(payload, secret: "whsec_attacker"));
        var missing = await SendAsync(payload, signature: null);
        var late = await SendAsync(payload, FakeStripe.Sign(payload, at: DateTimeOffset.UtcNow.AddMinutes(-10)));
        var tampered = await SendAsync(payload.Replace("active", "trialing", StringComparison.Ordinal), FakeStripe.Sign(payload));

        foreach (var response in new[] { forged, missing, late, tampered })
        {
            var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.Equal("Webhook recusado.", problem["title"]!.GetValue<string>());
        }

        Assert.Equal("free", (await MineAsync(learner))["plan"]!.GetValue<string>());
        Assert.DoesNotContain(await PublishedEvents.ReadAsync<PlanChanged>(App.Services), e => e.UserId == learner.Id);
    }

    [Fact]
    public async Task ReorderedEvents_LeaveThePlanAtStripesLatestState()
    {
        var (learner, customer) = await CustomerAsync();
        var id = Stripe.NextId("sub");
        var periodEnd = DateTimeOffset.UtcNow.AddDays(30);
        var created = FakeStripe.Subscription(id, customer, BillingFixture.ProMonthly, "active", periodEnd);
        var upgraded = Stripe.SetSubscription(id, customer, BillingFixture.ProPlusMonthly, "active", periodEnd);

        // The upgrade arrives first, then the older "created" event that still says pro.
        await SendAsync(FakeStripe.Event("customer.subscription.updated", upgraded));
        await SendAsync(FakeStripe.Event("customer.subscription.created", created));
        var afterStale = (await MineAsync(learner))["plan"]!.GetValue<string>();

        // Cancelled at Stripe; the deletion arrives before a stale update that still says active.
        var deleted = Stripe.SetSubscription(id, customer, BillingFixture.ProPlusMonthly, "canceled", periodEnd);
        await SendAsync(FakeStripe.Event("customer.subscription.deleted", deleted));
        await SendAsync(FakeStripe.Event("customer.subscription.updated", upgraded));
        var mine = await MineAsync(learner);

        Assert.Equal("pro_plus", afterStale);
        Assert.Equal("free", mine["plan"]!.GetValue<string>());
        Assert.Null(mine["renewsAt"]);
        Assert.Equal("canceled", mine["subscriptions"]![0]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task FailedPayment_KeepsThePlanThroughTheGracePeriod_ThenDowngrades()
    {
        var (learner, customer) = await CustomerAsync();
        var id = Stripe.NextId("sub");
        Stripe.SetSubscription(id, customer, BillingFixture.ProMonthly, "past_due", DateTimeOffset.UtcNow.AddDays(-1));

        await SendAsync(FakeStripe.Event("invoice.payment_failed", Invoice(customer, id, 2990, paid: false)));
        var inGrace = await MineAsync(learner);

        Stripe.SetSubscription(id, customer, BillingFixture.ProMonthly, "past_due", DateTimeOffset.UtcNow.AddDays(-4));
        await SendAsync(FakeStripe.Event("invoice.payment_failed", Invoice(customer, id, 2990, paid: false)));
        var afterGrace = await MineAsync(learner);

        Assert.Equal("pro", inGrace["plan"]!.GetValue<string>());
        Assert.Equal("failed", inGrace["payments"]![0]!["status"]!.GetValue<string>());
        Assert.Equal("free", afterGrace["plan"]!.GetValue<string>());
    }

    [Fact]
    public async Task PaidPass_ExtendsTheExpiryOnce_AndAnUnpaidBoletoExtendsNothing()
    {
        var (learner, customer) = await CustomerAsync();
        var unpaid = PassSession(learner, customer, months: 1, paid: false);
        await SendAsync(FakeStripe.Event("checkout.session.completed", unpaid));
        var beforePayment = await MineAsync(learner);

        var paid = PassSession(learner, customer, months: 3, paid: true);
        await SendAsync(FakeStripe.Event("checkout.session.completed", paid));
        await SendAsync(FakeStripe.Event("checkout.session.async_payment_succeeded", paid));
        var mine = await MineAsync(learner);

        Assert.Equal("free", beforePayment["plan"]!.GetValue<string>());
        Assert.Equal("pro", mine["plan"]!.GetValue<string>());
        AssertClose(DateTimeOffset.UtcNow.AddMonths(3), mine["expiresAt"]!.GetValue<DateTimeOffset>());
        AssertClose(DateTimeOffset.UtcNow.AddMonths(3), mine["passExpiresAt"]!.GetValue<DateTimeOffset>());
        var payment = Assert.Single(mine["payments"]!.AsArray());
        Assert.Equal(("pass", 3, 7990L), (payment!["kind"]!.GetValue<string>(), payment["passMonths"]!.GetValue<int>(), payment["amountCents"]!.GetValue<long>()));
    }

    [Fact]
    public async Task ALearner_CannotChangeTheirOwnPlan_NorSeeAnothersBilling()
    {
        var (payer, customer) = await CustomerAsync();
        var other = await App.CreateClient().RegisterAsync();
        var otherClient = App.CreateClient().Authorized(other.AccessToken);
        await SendAsync(FakeStripe.Event("checkout.session.completed", PassSession(payer, customer, months: 1, paid: true)));

        var patch = await otherClient.PatchAsJsonAsync("/v1/me", new { subscriptionPlan = "pro_plus", subscriptionExpiresAt = "2099-01-01T00:00:00Z" });
        var admin = await otherClient.PatchAsJsonAsync($"/v1/admin/users/{other.Username}", new { subscriptionPlan = "pro_plus" });
        // A pass session naming this learner but paid to another customer: the customer id decides whose it is.
        var claimed = PassSession(other, customer, months: 12, paid: true);
        await SendAsync(FakeStripe.Event("checkout.session.completed", claimed));
        var me = await (await otherClient.GetAsync("/v1/me")).ReadJsonAsync();
        var mine = await MineAsync(other);

        Assert.True(patch.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest);
        await admin.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("free", me["subscriptionPlan"]!.GetValue<string>());
        Assert.Equal("free", mine["plan"]!.GetValue<string>());
        Assert.Empty(mine["payments"]!.AsArray());
        Assert.Equal("pro", (await MineAsync(payer))["plan"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reconcile_AppliesStripesStateWhenAWebhookNeverArrived()
    {
        var (learner, customer) = await CustomerAsync();
        var id = Stripe.NextId("sub");
        var subscription = Stripe.SetSubscription(id, customer, BillingFixture.ProMonthly, "active", DateTimeOffset.UtcNow.AddDays(30));
        await SendAsync(FakeStripe.Event("customer.subscription.created", subscription));
        Stripe.SetSubscription(id, customer, BillingFixture.ProPlusMonthly, "active", DateTimeOffset.UtcNow.AddDays(30));

        var exit = await new BillingCommands().RunAsync(App.Services, [], CancellationToken.None);

        Assert.Equal(0, exit);
        Assert.Equal("pro_plus", (await MineAsync(learner))["plan"]!.GetValue<string>());
    }

    [Fact]
    public async Task Webhook_AnswersBadGatewayWhenStripeCannotBeRead_AndAppliesNothing()
    {
        var (learner, customer) = await CustomerAsync();
        // Stripe has no such subscription (yet): the event stays unrecorded, so Stripe's redelivery applies it later.
        var unknown = FakeStripe.Subscription(Stripe.NextId("sub"), customer, BillingFixture.ProMonthly, "active", DateTimeOffset.UtcNow.AddDays(30));
        var payload = FakeStripe.Event("customer.subscription.created", unknown);

        var first = await SendAsync(payload);
        Stripe.SetSubscription(unknown["id"]!.GetValue<string>(), customer, BillingFixture.ProMonthly, "active", DateTimeOffset.UtcNow.AddDays(30));
        var redelivered = await SendAsync(payload);

        await first.AssertProblemAsync(HttpStatusCode.BadGateway);
        Assert.False((await redelivered.ReadJsonAsync())["duplicate"]!.GetValue<bool>());
        Assert.Equal("pro", (await MineAsync(learner))["plan"]!.GetValue<string>());
    }

    [Fact]
    public async Task CustomerDeleted_EndsTheSubscriptionAsStripeSays_Once_KeepsPaidPassTime_AndTheNextCheckoutMakesANewCustomer()
    {
        var (learner, customer) = await CustomerAsync();
        var client = App.CreateClient().Authorized(learner.AccessToken);
        var id = Stripe.NextId("sub");
        var periodEnd = DateTimeOffset.UtcNow.AddDays(30);
        await SendAsync(FakeStripe.Event("customer.subscription.created",
            Stripe.SetSubscription(id, customer, BillingFixture.ProPlusMonthly, "active", periodEnd)));
        await SendAsync(FakeStripe.Event("checkout.session.completed", PassSession(learner, customer, months: 1, paid: true)));
        var before = await MineAsync(learner);

        // Deleting a customer cancels its subscriptions at Stripe at once; then Stripe sends customer.deleted.
        Stripe.SetSubscription(id, customer, BillingFixture.ProPlusMonthly, "canceled", periodEnd);
        var payload = FakeStripe.Event("customer.deleted", FakeStripe.Customer(customer));
        var first = await SendAsync(payload);
        var replay = await SendAsync(payload);
        var after = await MineAsync(learner);
        var portal = await client.PostAsync("/v1/billing/portal", null);
        var checkout = await client.PostAsJsonAsync("/v1/billing/checkout", new { plan = "pro", interval = "month" });

        Assert.Equal("pro_plus", before["plan"]!.GetValue<string>());
        Assert.False((await first.ReadJsonAsync())["duplicate"]!.GetValue<bool>());
        Assert.True((await replay.ReadJsonAsync())["duplicate"]!.GetValue<bool>());
        // The pass was paid for and is not Stripe's to take back: pro until it runs out.
        Assert.Equal("pro", after["plan"]!.GetValue<string>());
        AssertClose(DateTimeOffset.UtcNow.AddMonths(1), after["expiresAt"]!.GetValue<DateTimeOffset>());
        Assert.Null(after["renewsAt"]);
        Assert.Equal("canceled", Assert.Single(after["subscriptions"]!.AsArray())!["status"]!.GetValue<string>());
        Assert.Single(await PublishedEvents.ReadAsync<PlanChanged>(App.Services), e => e.UserId == learner.Id && e.FromPlan == "pro_plus");
        await portal.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, checkout.StatusCode);
        Assert.NotEqual(customer, SessionsOf(learner)[^1].Form["customer"]);
    }

    [Fact]
    public async Task CustomerDeleted_EndsASubscriptionStripeNoLongerHas_AndIgnoresCustomersNotOurs()
    {
        var (learner, customer) = await CustomerAsync();
        var id = Stripe.NextId("sub");
        await SendAsync(FakeStripe.Event("customer.subscription.created",
            Stripe.SetSubscription(id, customer, BillingFixture.ProMonthly, "active", DateTimeOffset.UtcNow.AddDays(30))));
        Stripe.ForgetSubscription(id);

        var stranger = await SendAsync(FakeStripe.Event("customer.deleted", FakeStripe.Customer(Stripe.NextId("cus"))));
        var ours = await SendAsync(FakeStripe.Event("customer.deleted", FakeStripe.Customer(customer)));
        var mine = await MineAsync(learner);
        // The fixture is shared: the reconcile test reads every subscription we hold back from Stripe.
        Stripe.SetSubscription(id, customer, BillingFixture.ProMonthly, "canceled", DateTimeOffset.UtcNow.AddDays(30));

        Assert.Equal(HttpStatusCode.OK, stranger.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ours.StatusCode);
        Assert.Equal("free", mine["plan"]!.GetValue<string>());
        Assert.Equal("canceled", mine["subscriptions"]![0]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task PlanChangesFromStripe_ChangeTheGates_TheCvFooterAndFeaturedApplications()
    {
        var admin = await JobsScenario.AdminAsync(App);
        var company = await JobsScenario.CompanyAsync(App, admin);
        var jobs = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            jobs.Add((await JobsScenario.PostJobAsync(company, JobsScenario.Job($"Backend {i}", ["python"])))["id"]!.GetValue<string>());
        }

        var (learner, customer) = await CustomerAsync();
        var client = App.CreateClient().Authorized(learner.AccessToken);
        var id = Stripe.NextId("sub");
        var periodEnd = DateTimeOffset.UtcNow.AddDays(30);

        var freeCv = await ExportAsync(client);
        var freeApplication = await ApplyAsync(client, jobs[0]);
        await SendAsync(FakeStripe.Event("customer.subscription.created",
            Stripe.SetSubscription(id, customer, BillingFixture.ProPlusMonthly, "active", periodEnd)));
        var paidCv = await ExportAsync(client);
        var paidApplication = await ApplyAsync(client, jobs[1]);
        Stripe.SetSubscription(id, customer, BillingFixture.ProPlusMonthly, "canceled", periodEnd);
        await SendAsync(FakeStripe.Event("customer.deleted", FakeStripe.Customer(customer)));
        var endedCv = await ExportAsync(client);
        var endedApplication = await ApplyAsync(client, jobs[2]);
        var mine = await (await client.GetAsync("/v1/me/applications")).ReadJsonAsync();

        Assert.Contains("por compila.dev", freeCv.All, StringComparison.Ordinal);
        Assert.DoesNotContain("compila.dev", paidCv.All, StringComparison.Ordinal);
        Assert.Contains("por compila.dev", endedCv.All, StringComparison.Ordinal);
        Assert.Equal((false, true, false), (freeApplication, paidApplication, endedApplication));
        // Featured is a snapshot of the plan at apply time: the application sent as pro_plus stays featured.
        Assert.True(mine.AsArray().Single(a => a!["jobId"]!.GetValue<string>() == jobs[1])!["featured"]!.GetValue<bool>());
        var applicants = await (await company.Client.GetAsync($"/v1/jobs/{jobs[1]}/applications")).ReadJsonAsync();
        Assert.True(Assert.Single(applicants.AsArray())!["featured"]!.GetValue<bool>());
    }

    static async Task<PdfText> ExportAsync(HttpClient client)
    {
        var response = await client.PostAsync("/v1/portfolio/export", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return PdfText.Read(await response.Content.ReadAsByteArrayAsync());
    }

    static async Task<bool> ApplyAsync(HttpClient client, string jobId)
    {
        var response = await client.PostAsJsonAsync($"/v1/jobs/{jobId}/apply", new { note = (string?)null });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync())["featured"]!.GetValue<bool>();
    }

    async Task<(TestUser Learner, string Customer)> CustomerAsync()
    {
        var learner = await App.CreateClient().RegisterAsync();
        var response = await App.CreateClient().Authorized(learner.AccessToken)
            .PostAsJsonAsync("/v1/billing/checkout", new { plan = "pro", interval = "month" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (learner, SessionsOf(learner)[0].Form["customer"]);
    }

    FakeStripe.ApiCall[] SessionsOf(TestUser learner) =>
        Stripe.CallsTo("/v1/checkout/sessions").Where(c => c.Form.GetValueOrDefault("metadata[user_id]") == learner.Id.ToString()).ToArray();

    async Task<HttpResponseMessage> SendAsync(string payload, string? signature = "")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/billing/webhook")
        {
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("Stripe-Signature", signature.Length == 0 ? FakeStripe.Sign(payload) : signature);
        }

        return await App.CreateClient().SendAsync(request);
    }

    async Task<JsonNode> MineAsync(TestUser learner)
    {
        var response = await App.CreateClient().Authorized(learner.AccessToken).GetAsync("/v1/billing");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    JsonObject Invoice(string customer, string subscriptionId, long amount, bool paid = true) => new()
    {
        ["id"] = Stripe.NextId("in"), ["object"] = "invoice", ["customer"] = customer, ["currency"] = "brl",
        ["amount_paid"] = paid ? amount : 0, ["amount_due"] = amount, ["status"] = paid ? "paid" : "open",
        ["parent"] = new JsonObject
        {
            ["type"] = "subscription_details",
            ["subscription_details"] = new JsonObject { ["subscription"] = subscriptionId, ["metadata"] = new JsonObject() },
        },
    };

    JsonObject PassSession(TestUser learner, string customer, int months, bool paid) => new()
    {
        ["id"] = Stripe.NextId("cs_test"), ["object"] = "checkout.session", ["mode"] = "payment", ["status"] = "complete",
        ["payment_status"] = paid ? "paid" : "unpaid", ["customer"] = customer, ["currency"] = "brl",
        ["amount_total"] = months switch { 1 => 2990, 3 => 7990, _ => 29900 },
        ["metadata"] = new JsonObject { ["user_id"] = learner.Id.ToString(), ["pass_months"] = months.ToString(System.Globalization.CultureInfo.InvariantCulture) },
    };

    static void AssertClose(DateTimeOffset expected, DateTimeOffset actual) =>
        Assert.InRange(actual, expected.AddMinutes(-2), expected.AddMinutes(2));
}
