using Compila.Web.Features.Users.Contracts;
using Compila.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Stripe;
using Stripe.Checkout;

namespace Compila.Web.Features.Billing;

/// <summary>
/// Writes Billing's tables from what Stripe says and asks Users to apply the resulting plan. Works on the scoped
/// <c>CompilaDb</c>; the caller decides the transaction.
/// </summary>
internal sealed class BillingLedger(CompilaDb db, IUserPlans userPlans, PlanCatalog catalog, IOptionsMonitor<BillingOptions> options, TimeProvider clock)
{
    /// <summary>Copies Stripe's current state of a subscription; returns the learner it belongs to, or null when it is none of ours.</summary>
    public async Task<Guid?> SyncSubscriptionAsync(Subscription subscription, CancellationToken ct)
    {
        var userId = await FindUserAsync(subscription.CustomerId, subscription.Metadata, ct);
        var priceId = subscription.Items?.Data?.FirstOrDefault()?.Price?.Id;
        var plan = catalog.PlanOfPrice(priceId);
        if (userId is null || plan is null)
        {
            return null;
        }

        var row = await db.Set<BillingSubscription>().SingleOrDefaultAsync(s => s.StripeSubscriptionId == subscription.Id, ct);
        if (row is null)
        {
            row = new BillingSubscription { StripeSubscriptionId = subscription.Id, UserId = userId.Value, Plan = plan, Status = subscription.Status };
            db.Add(row);
        }

        var periodEnd = subscription.Items!.Data.Max(i => (DateTime?)i.CurrentPeriodEnd);
        row.UserId = userId.Value;
        row.Plan = plan;
        row.Status = subscription.Status;
        row.CurrentPeriodEnd = periodEnd is { } end && end > DateTime.UnixEpoch ? new DateTimeOffset(DateTime.SpecifyKind(end, DateTimeKind.Utc)) : null;
        row.CancelAtPeriodEnd = subscription.CancelAtPeriodEnd;
        row.UpdatedAt = clock.GetUtcNow();
        return userId;
    }

    /// <summary>
    /// A Stripe customer was deleted: copies Stripe's state of the learner's subscriptions (<paramref name="subscriptions"/>,
    /// read by the caller; a null state is one Stripe no longer has, so it ends now) and unlinks the customer from the
    /// learner, keeping pass time already paid. Returns the learner, or null when the customer was none of ours.
    /// </summary>
    public async Task<Guid?> ForgetCustomerAsync(
        string stripeCustomerId, IReadOnlyList<(string Id, Subscription? Current)> subscriptions, CancellationToken ct)
    {
        var customer = await db.Set<BillingCustomer>().SingleOrDefaultAsync(c => c.StripeCustomerId == stripeCustomerId, ct);
        if (customer is null)
        {
            return null;
        }

        foreach (var (id, current) in subscriptions)
        {
            if (current is not null)
            {
                await SyncSubscriptionAsync(current, ct);
                continue;
            }

            var row = await db.Set<BillingSubscription>().SingleAsync(s => s.StripeSubscriptionId == id, ct);
            row.Status = "canceled";
            row.CancelAtPeriodEnd = false;
            row.UpdatedAt = clock.GetUtcNow();
        }

        // Not a "cus_" id any more: the portal closes and the next checkout creates a new customer (BillingApi).
        customer.StripeCustomerId = $"deleted:{stripeCustomerId}";
        return customer.UserId;
    }

    /// <summary>Records an invoice's outcome once per (invoice, outcome).</summary>
    public async Task RecordInvoiceAsync(Guid userId, Invoice invoice, string status, string plan, CancellationToken ct)
    {
        if (await db.Set<BillingPayment>().AnyAsync(p => p.StripeObjectId == invoice.Id && p.Status == status, ct))
        {
            return;
        }

        db.Add(new BillingPayment
        {
            UserId = userId,
            StripeObjectId = invoice.Id,
            Kind = "subscription",
            Plan = plan,
            AmountCents = status == "paid" ? invoice.AmountPaid : invoice.AmountDue,
            Currency = (invoice.Currency ?? "brl").ToUpperInvariant(),
            Status = status,
            CreatedAt = clock.GetUtcNow(),
        });
    }

    /// <summary>
    /// A paid pass adds its months to the learner's pass time, counted from now or from the end of the time already
    /// bought, once per Checkout Session however many events report it.
    /// </summary>
    public async Task<Guid?> ApplyPaidPassAsync(Session session, CancellationToken ct)
    {
        if (!int.TryParse(session.Metadata?.GetValueOrDefault("pass_months"), out var months) || months is < 1 or > 12)
        {
            return null;
        }

        var userId = await FindUserAsync(session.CustomerId, session.Metadata, ct);
        if (userId is null || await db.Set<BillingPayment>().AnyAsync(p => p.StripeObjectId == session.Id && p.Status == "paid", ct))
        {
            return userId;
        }

        var now = clock.GetUtcNow();
        var customer = await EnsureCustomerRowAsync(userId.Value, session.CustomerId, ct);
        var from = customer.PassExpiresAt is { } current && current > now ? current : now;
        customer.PassExpiresAt = from.AddMonths(months);
        db.Add(new BillingPayment
        {
            UserId = userId.Value,
            StripeObjectId = session.Id,
            Kind = "pass",
            Plan = PlanCatalog.Pro,
            AmountCents = session.AmountTotal ?? 0,
            Currency = (session.Currency ?? "brl").ToUpperInvariant(),
            Status = "paid",
            PassMonths = months,
            CreatedAt = now,
        });
        return userId;
    }

    public async Task RecordFailedPassAsync(Session session, CancellationToken ct)
    {
        var userId = await FindUserAsync(session.CustomerId, session.Metadata, ct);
        if (userId is null || await db.Set<BillingPayment>().AnyAsync(p => p.StripeObjectId == session.Id && p.Status == "failed", ct))
        {
            return;
        }

        _ = int.TryParse(session.Metadata?.GetValueOrDefault("pass_months"), out var months);
        db.Add(new BillingPayment
        {
            UserId = userId.Value,
            StripeObjectId = session.Id,
            Kind = "pass",
            Plan = PlanCatalog.Pro,
            AmountCents = session.AmountTotal ?? 0,
            Currency = (session.Currency ?? "brl").ToUpperInvariant(),
            Status = "failed",
            PassMonths = months > 0 ? months : null,
            CreatedAt = clock.GetUtcNow(),
        });
    }

    /// <summary>Sets the learner's plan to what our (saved) copy of Stripe's state grants; publishes PlanChanged when it changes.</summary>
    public async Task ApplyPlanAsync(Guid userId, CancellationToken ct)
    {
        var subscriptions = await db.Set<BillingSubscription>().AsNoTracking().Where(s => s.UserId == userId).ToListAsync(ct);
        var pass = await db.Set<BillingCustomer>().AsNoTracking().Where(c => c.UserId == userId)
            .Select(c => c.PassExpiresAt).SingleOrDefaultAsync(ct);
        var (plan, expiresAt) = PlanState.Resolve(subscriptions, pass, TimeSpan.FromDays(options.CurrentValue.GraceDays), clock.GetUtcNow());
        await userPlans.ApplyAsync(new PlanChangeRequest(userId, plan, expiresAt, "stripe"), ct);
    }

    public async Task<BillingCustomer> EnsureCustomerRowAsync(Guid userId, string? stripeCustomerId, CancellationToken ct)
    {
        var customer = await db.Set<BillingCustomer>().SingleOrDefaultAsync(c => c.UserId == userId, ct);
        if (customer is null)
        {
            customer = new BillingCustomer { UserId = userId, StripeCustomerId = stripeCustomerId ?? $"none:{userId}", CreatedAt = clock.GetUtcNow() };
            db.Add(customer);
        }

        return customer;
    }

    /// <summary>Our customer row decides; the <c>user_id</c> metadata we set at checkout is the fallback.</summary>
    async Task<Guid?> FindUserAsync(string? customerId, Dictionary<string, string>? metadata, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(customerId))
        {
            var known = await db.Set<BillingCustomer>().AsNoTracking().Where(c => c.StripeCustomerId == customerId)
                .Select(c => (Guid?)c.UserId).SingleOrDefaultAsync(ct);
            if (known is not null)
            {
                return known;
            }
        }

        return metadata is not null && metadata.TryGetValue("user_id", out var raw) && Guid.TryParse(raw, out var id)
            && await userPlans.FindAsync(id, ct) is not null
            ? id
            : null;
    }
}
