using System.Security.Claims;
using Compila.Web.Features.Users.Contracts;
using Compila.Web.Infrastructure.Data;
using Compila.Web.Infrastructure.Errors;
using Compila.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Stripe;

namespace Compila.Web.Features.Billing;

/// <summary>A card subscription (<paramref name="Plan"/> + <paramref name="Interval"/> <c>month|year</c>), or a pro pass of <paramref name="PassMonths"/> months (Pix or boleto).</summary>
public sealed record CheckoutRequest(string? Plan, string? Interval, int? PassMonths);

public sealed record RedirectUrl(string Url);

public sealed record BillingSubscriptionView(string Plan, string Status, DateTimeOffset? CurrentPeriodEnd, bool CancelAtPeriodEnd);

public sealed record BillingPaymentView(string Kind, string Plan, long AmountCents, string Currency, string Status, int? PassMonths, DateTimeOffset CreatedAt);

/// <summary>
/// <paramref name="Plan"/> is the plan in force now and <paramref name="Unlocks"/> what it unlocks (as in the catalog);
/// <paramref name="RenewsAt"/> is set while a subscription renews by itself.
/// </summary>
public sealed record MyBilling(
    string Plan, DateTimeOffset? ExpiresAt, DateTimeOffset? RenewsAt, DateTimeOffset? PassExpiresAt,
    IReadOnlyList<BillingSubscriptionView> Subscriptions, IReadOnlyList<BillingPaymentView> Payments, bool PaymentsEnabled,
    PlanUnlocks Unlocks);

public sealed record WebhookReceipt(bool Received, bool Duplicate);

public static class BillingApi
{
    const string NotConfiguredTitle = "Pagamentos não configurados.";

    public static RouteGroupBuilder MapBillingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/billing").WithTags("Billing");
        api.MapGet("/plans", Plans).WithName("ListPlans").AllowAnonymous();
        api.MapGet("/", Mine).WithName("GetMyBilling").RequireAuthorization();
        api.MapPost("/checkout", Checkout).WithName("CreateCheckout").RequireAuthorization();
        api.MapPost("/portal", Portal).WithName("CreatePortalSession").RequireAuthorization();
        // Anonymous on purpose: Stripe calls it; the Stripe-Signature header is the authentication.
        api.MapPost("/webhook", Webhook).WithName("StripeWebhook").AllowAnonymous();
        return api;
    }

    internal static Ok<PlanCatalogResponse> Plans(PlanCatalog catalog) => TypedResults.Ok(catalog.Describe());

    internal static async Task<Results<Ok<MyBilling>, NotFound>> Mine(
        ClaimsPrincipal principal, IUserPlans userPlans, PlanCatalog catalog, CompilaDb db, StripeGateway stripe, TimeProvider clock, CancellationToken ct)
    {
        if (principal.CurrentUserId() is not { } userId || await userPlans.FindAsync(userId, ct) is not { } plan)
        {
            return TypedResults.NotFound();
        }

        var subscriptions = await db.Set<BillingSubscription>().AsNoTracking().Where(s => s.UserId == userId)
            .Select(s => new BillingSubscriptionView(s.Plan, s.Status, s.CurrentPeriodEnd, s.CancelAtPeriodEnd)).ToListAsync(ct);
        var pass = await db.Set<BillingCustomer>().AsNoTracking().Where(c => c.UserId == userId).Select(c => c.PassExpiresAt).SingleOrDefaultAsync(ct);
        var payments = (await db.Set<BillingPayment>().AsNoTracking().Where(p => p.UserId == userId)
            .Select(p => new BillingPaymentView(p.Kind, p.Plan, p.AmountCents, p.Currency, p.Status, p.PassMonths, p.CreatedAt))
            .ToListAsync(ct)).OrderByDescending(p => p.CreatedAt).ToList();
        var renewsAt = subscriptions.Where(s => s.Status is "active" or "trialing" && !s.CancelAtPeriodEnd)
            .Max(s => s.CurrentPeriodEnd);
        var inForce = plan.EffectivePlan(clock.GetUtcNow());
        return TypedResults.Ok(new MyBilling(
            inForce, plan.ExpiresAt, renewsAt, pass, subscriptions, payments, stripe.IsConfigured, catalog.UnlocksOf(inForce)));
    }

    internal static async Task<Results<Ok<RedirectUrl>, ValidationProblem, ProblemHttpResult>> Checkout(
        CheckoutRequest request, ClaimsPrincipal principal, PlanCatalog catalog, StripeGateway stripe, CompilaDb db,
        ILoggerFactory logs, CancellationToken ct)
    {
        if (!stripe.IsConfigured)
        {
            return NotConfigured();
        }

        var errors = new ValidationErrors();
        var isPass = request.PassMonths is not null;
        if (isPass && (request.Plan is not null || request.Interval is not null))
        {
            errors.Add("passMonths", "Escolha uma assinatura (plan e interval) ou um passe (passMonths), não os dois.");
        }
        else if (isPass && catalog.PassCents(request.PassMonths!.Value) is null)
        {
            errors.Add("passMonths", "Passes existem para 1, 3 ou 12 meses.");
        }
        else if (!isPass)
        {
            if (request.Plan is not (PlanCatalog.Pro or PlanCatalog.ProPlus))
            {
                errors.Add("plan", "Plano desconhecido. Use: pro, pro_plus.");
            }

            if (request.Interval is not ("month" or "year"))
            {
                errors.Add("interval", "Intervalo desconhecido. Use: month, year.");
            }
        }

        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var userId = principal.CurrentUserId()!.Value;
        var client = stripe.Client();
        var returnUrl = stripe.Options.ReturnUrl;
        try
        {
            var customerId = await EnsureCustomerAsync(userId, client, db, ct);
            var metadata = new Dictionary<string, string> { ["user_id"] = userId.ToString() };
            var options = new Stripe.Checkout.SessionCreateOptions
            {
                Customer = customerId,
                ClientReferenceId = userId.ToString(),
                SuccessUrl = returnUrl + "?checkout=ok",
                CancelUrl = returnUrl + "?checkout=cancelado",
                Locale = "pt-BR",
                Metadata = metadata,
            };
            if (isPass)
            {
                var months = request.PassMonths!.Value;
                metadata["pass_months"] = months.ToString(System.Globalization.CultureInfo.InvariantCulture);
                options.Mode = "payment";
                options.AllowedPaymentMethodTypes = ["pix", "boleto"];
                options.PaymentIntentData = new() { Metadata = metadata };
                options.LineItems =
                [
                    new()
                    {
                        Quantity = 1,
                        PriceData = new()
                        {
                            Currency = "brl",
                            UnitAmount = catalog.PassCents(months),
                            ProductData = new() { Name = months == 1 ? "compila.dev Pro: 1 mês" : $"compila.dev Pro: {months} meses" },
                        },
                    },
                ];
            }
            else
            {
                options.Mode = "subscription";
                options.SubscriptionData = new() { Metadata = metadata };
                options.LineItems = [new() { Price = catalog.PriceId(request.Plan!, request.Interval!), Quantity = 1 }];
            }

            var session = await new Stripe.Checkout.SessionService(client).CreateAsync(options, cancellationToken: ct);
            return TypedResults.Ok(new RedirectUrl(session.Url));
        }
        catch (StripeException ex)
        {
            return StripeUnavailable(logs, ex);
        }
    }

    internal static async Task<Results<Ok<RedirectUrl>, ProblemHttpResult>> Portal(
        ClaimsPrincipal principal, StripeGateway stripe, CompilaDb db, ILoggerFactory logs, CancellationToken ct)
    {
        if (!stripe.IsConfigured)
        {
            return NotConfigured();
        }

        var userId = principal.CurrentUserId()!.Value;
        var customerId = await db.Set<BillingCustomer>().AsNoTracking().Where(c => c.UserId == userId)
            .Select(c => c.StripeCustomerId).SingleOrDefaultAsync(ct);
        if (customerId is null || !customerId.StartsWith("cus_", StringComparison.Ordinal))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Nenhuma assinatura para gerenciar.",
                detail: "Assine um plano primeiro; o portal de cobrança abre para quem já tem cadastro de pagamento.");
        }

        try
        {
            var session = await new Stripe.BillingPortal.SessionService(stripe.Client()).CreateAsync(
                new() { Customer = customerId, ReturnUrl = stripe.Options.ReturnUrl, Locale = "pt-BR" }, cancellationToken: ct);
            return TypedResults.Ok(new RedirectUrl(session.Url));
        }
        catch (StripeException ex)
        {
            return StripeUnavailable(logs, ex);
        }
    }

    internal static async Task<Results<Ok<WebhookReceipt>, ProblemHttpResult>> Webhook(
        HttpRequest request, StripeGateway stripe, BillingWebhook webhook, TimeProvider clock, ILoggerFactory logs, CancellationToken ct)
    {
        if (!stripe.IsConfigured)
        {
            return NotConfigured();
        }

        using var reader = new StreamReader(request.Body);
        var payload = await reader.ReadToEndAsync(ct);
        Event stripeEvent;
        try
        {
            // Throws on a missing or forged signature, a timestamp outside the tolerance, and an event of another API
            // version than the library's (the endpoint must be pinned to it, or payloads would not parse as typed).
            stripeEvent = EventUtility.ConstructEvent(
                payload, request.Headers["Stripe-Signature"].ToString(), stripe.Options.WebhookSecret,
                stripe.Options.WebhookToleranceSeconds, clock.GetUtcNow().ToUnixTimeSeconds(), throwOnApiVersionMismatch: true);
        }
        catch (StripeException ex)
        {
            logs.CreateLogger(typeof(BillingApi)).LogWarning("Stripe webhook refused: {Reason}", ex.Message);
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Webhook recusado.",
                detail: "Assinatura Stripe-Signature ausente, inválida ou fora da janela de tempo.");
        }

        try
        {
            var outcome = await webhook.ApplyAsync(stripeEvent, ct);
            return TypedResults.Ok(new WebhookReceipt(true, outcome == WebhookOutcome.Duplicate));
        }
        catch (StripeException ex)
        {
            // Stripe could not be read back: nothing was stored, and Stripe delivers the event again later.
            return StripeUnavailable(logs, ex);
        }
    }

    static async Task<string> EnsureCustomerAsync(Guid userId, StripeClient client, CompilaDb db, CancellationToken ct)
    {
        var existing = await db.Set<BillingCustomer>().Where(c => c.UserId == userId).SingleOrDefaultAsync(ct);
        if (existing is not null && existing.StripeCustomerId.StartsWith("cus_", StringComparison.Ordinal))
        {
            return existing.StripeCustomerId;
        }

        // Stripe replays an idempotent answer for 24 hours: after a deleted customer the key must differ, or the
        // deleted customer would come back.
        var key = existing is null ? $"customer-{userId}" : $"customer-{userId}-after-{existing.StripeCustomerId}";
        var customer = await new CustomerService(client).CreateAsync(
            new CustomerCreateOptions { Metadata = new() { ["user_id"] = userId.ToString() } },
            new RequestOptions { IdempotencyKey = key }, ct);
        if (existing is null)
        {
            db.Add(new BillingCustomer { UserId = userId, StripeCustomerId = customer.Id, CreatedAt = DateTimeOffset.UtcNow });
        }
        else
        {
            existing.StripeCustomerId = customer.Id;
        }

        await db.SaveChangesAsync(ct);
        return customer.Id;
    }

    static ProblemHttpResult NotConfigured() => TypedResults.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable,
        title: NotConfiguredTitle,
        detail: "Este servidor não tem pagamentos configurados; os planos continuam sendo definidos por um administrador.");

    static ProblemHttpResult StripeUnavailable(ILoggerFactory logs, StripeException ex)
    {
        logs.CreateLogger(typeof(BillingApi)).LogWarning(ex, "Stripe call failed.");
        return TypedResults.Problem(
            statusCode: StatusCodes.Status502BadGateway,
            title: "O provedor de pagamentos não respondeu.",
            detail: "Tente de novo em alguns minutos.");
    }
}
