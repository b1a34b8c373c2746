using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Compila.Web.Tests.Features.Billing;

/// <summary>
/// A local HTTP server that speaks the parts of Stripe's REST API the app calls (form-encoded requests, JSON
/// responses shaped like Stripe's) and signs webhooks as Stripe does: <c>t=&lt;ts&gt;,v1=&lt;HMAC-SHA256("ts.payload")&gt;</c>.
/// Stripe.net reaches it through <c>Compila:Billing:Stripe:BaseUrl</c>.
/// </summary>
public sealed class FakeStripe : IAsyncDisposable
{
    public const string WebhookSecret = "whsec_test_compila";
    public const string ApiKey = "sk_test_compila";

    readonly WebApplication server;
    readonly ConcurrentDictionary<string, JsonObject> subscriptions = new();
    int sequence;

    public sealed record ApiCall(string Method, string Path, Dictionary<string, string> Form);

    public ConcurrentQueue<ApiCall> Calls { get; } = new();

    FakeStripe(WebApplication server) => this.server = server;

    public string BaseUrl => server.Urls.First();

    public static async Task<FakeStripe> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeStripe(app);
        app.MapPost("/v1/customers", async (HttpRequest request) =>
        {
            var form = await fake.RecordAsync(request);
            var id = fake.NextId("cus");
            return Json(new JsonObject { ["id"] = id, ["object"] = "customer", ["metadata"] = Metadata(form) });
        });
        app.MapPost("/v1/checkout/sessions", async (HttpRequest request) =>
        {
            var form = await fake.RecordAsync(request);
            var id = fake.NextId("cs_test");
            return Json(new JsonObject
            {
                ["id"] = id, ["object"] = "checkout.session", ["mode"] = form.GetValueOrDefault("mode"),
                ["customer"] = form.GetValueOrDefault("customer"), ["url"] = $"https://checkout.stripe.test/c/pay/{id}",
                ["metadata"] = Metadata(form),
            });
        });
        app.MapPost("/v1/billing_portal/sessions", async (HttpRequest request) =>
        {
            var form = await fake.RecordAsync(request);
            var id = fake.NextId("bps");
            return Json(new JsonObject
            {
                ["id"] = id, ["object"] = "billing_portal.session", ["customer"] = form.GetValueOrDefault("customer"),
                ["url"] = $"https://billing.stripe.test/p/session/{id}",
            });
        });
        app.MapGet("/v1/subscriptions/{id}", async (string id, HttpRequest request) =>
        {
            await fake.RecordAsync(request);
            return fake.subscriptions.TryGetValue(id, out var subscription)
                ? Json(subscription.DeepClone())
                : Results.Json(new JsonObject
                {
                    ["error"] = new JsonObject { ["type"] = "invalid_request_error", ["code"] = "resource_missing", ["message"] = $"No such subscription: '{id}'" },
                }, statusCode: 404);
        });
        await app.StartAsync();
        return fake;
    }

    /// <summary>Sets Stripe's current state of a subscription: what GET /v1/subscriptions/{id} answers from now on.</summary>
    public JsonObject SetSubscription(string id, string customer, string priceId, string status, DateTimeOffset periodEnd, bool cancelAtPeriodEnd = false)
    {
        var subscription = Subscription(id, customer, priceId, status, periodEnd, cancelAtPeriodEnd);
        subscriptions[id] = subscription;
        return (JsonObject)subscription.DeepClone();
    }

    /// <summary>Stripe no longer has the subscription: GET /v1/subscriptions/{id} answers 404 resource_missing.</summary>
    public void ForgetSubscription(string id) => subscriptions.TryRemove(id, out _);

    /// <summary>A customer object as a <c>customer.deleted</c> event carries it.</summary>
    public static JsonObject Customer(string id) => new()
    {
        ["id"] = id, ["object"] = "customer", ["livemode"] = false, ["metadata"] = new JsonObject(),
    };

    public static JsonObject Subscription(string id, string customer, string priceId, string status, DateTimeOffset periodEnd, bool cancelAtPeriodEnd = false) => new()
    {
        ["id"] = id, ["object"] = "subscription", ["customer"] = customer, ["status"] = status,
        ["cancel_at_period_end"] = cancelAtPeriodEnd, ["currency"] = "brl", ["metadata"] = new JsonObject(),
        ["items"] = new JsonObject
        {
            ["object"] = "list", ["has_more"] = false, ["url"] = $"/v1/subscription_items?subscription={id}",
            ["data"] = new JsonArray(new JsonObject
            {
                ["id"] = "si_" + id, ["object"] = "subscription_item", ["quantity"] = 1,
                ["current_period_start"] = periodEnd.AddMonths(-1).ToUnixTimeSeconds(),
                ["current_period_end"] = periodEnd.ToUnixTimeSeconds(),
                ["price"] = new JsonObject { ["id"] = priceId, ["object"] = "price", ["currency"] = "brl" },
            }),
        },
    };

    public string NextId(string prefix) => $"{prefix}_{Interlocked.Increment(ref sequence)}{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>An event as Stripe sends it, pinned to Stripe.net's API version.</summary>
    public static string Event(string type, JsonObject dataObject, string? id = null) => new JsonObject
    {
        ["id"] = id ?? "evt_" + Guid.NewGuid().ToString("N"),
        ["object"] = "event",
        ["api_version"] = Stripe.StripeConfiguration.ApiVersion,
        ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["livemode"] = false,
        ["pending_webhooks"] = 1,
        ["request"] = new JsonObject { ["id"] = null, ["idempotency_key"] = null },
        ["type"] = type,
        ["data"] = new JsonObject { ["object"] = dataObject.DeepClone() },
    }.ToJsonString();

    /// <summary>The Stripe-Signature header for <paramref name="payload"/>, signed at <paramref name="at"/> (now by default).</summary>
    public static string Sign(string payload, string secret = WebhookSecret, DateTimeOffset? at = null)
    {
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{payload}"));
        return $"t={timestamp},v1={Convert.ToHexStringLower(mac)}";
    }

    public ApiCall[] CallsTo(string path) => Calls.Where(c => c.Path == path).ToArray();

    async Task<Dictionary<string, string>> RecordAsync(HttpRequest request)
    {
        var form = new Dictionary<string, string>();
        if (request.HasFormContentType)
        {
            foreach (var (key, value) in await request.ReadFormAsync())
            {
                form[key] = value.ToString();
            }
        }

        Calls.Enqueue(new ApiCall(request.Method, request.Path.Value!, form));
        return form;
    }

    static JsonObject Metadata(Dictionary<string, string> form)
    {
        var metadata = new JsonObject();
        foreach (var (key, value) in form.Where(f => f.Key.StartsWith("metadata[", StringComparison.Ordinal)))
        {
            metadata[key["metadata[".Length..^1]] = value;
        }

        return metadata;
    }

    static IResult Json(JsonNode body) => Results.Text(body.ToJsonString(), "application/json");

    public async ValueTask DisposeAsync()
    {
        await server.StopAsync();
        await server.DisposeAsync();
    }
}
