using Compila.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Stripe;
using Stripe.Checkout;

namespace Compila.Web.Features.Billing;

internal enum WebhookOutcome
{
    Applied,
    Duplicate,
}

/// <summary>
/// Applies one verified Stripe event exactly once: the event id is stored in the transaction of its effect. For a
/// subscription the payload is only a pointer: Stripe is asked for the subscription's current state, so a late or
/// reordered event cannot roll a plan back. A deleted customer re-reads every subscription the learner holds (Stripe
/// cancels them with the customer) and unlinks the customer, so the next checkout creates a new one.
/// </summary>
internal sealed class BillingWebhook(CompilaDb db, BillingLedger ledger, StripeGateway stripe, TimeProvider clock, ILogger<BillingWebhook> log)
{
    public async Task<WebhookOutcome> ApplyAsync(Event stripeEvent, CancellationToken ct)
    {
        if (await db.Set<BillingWebhookEvent>().AnyAsync(e => e.EventId == stripeEvent.Id, ct))
        {
            return WebhookOutcome.Duplicate;
        }

        // Stripe is read before the transaction opens, so no lock is held across the network call.
        var subscriptionId = stripeEvent.Data.Object switch
        {
            Subscription s => s.Id,
            Invoice i => i.Parent?.SubscriptionDetails?.SubscriptionId,
            Session { Mode: "subscription" } cs => cs.SubscriptionId,
            _ => null,
        };
        var current = subscriptionId is null ? null : await stripe.GetSubscriptionAsync(subscriptionId, ct);
        var deletedCustomer = stripeEvent.Type == EventTypes.CustomerDeleted && stripeEvent.Data.Object is Customer customer ? customer.Id : null;
        var ended = deletedCustomer is null ? null : await ReadSubscriptionsOfAsync(deletedCustomer, ct);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Add(new BillingWebhookEvent { EventId = stripeEvent.Id, Type = stripeEvent.Type, ReceivedAt = clock.GetUtcNow() });
        var userId = current is null ? null : await ledger.SyncSubscriptionAsync(current, ct);
        if (ended is not null)
        {
            userId = await ledger.ForgetCustomerAsync(deletedCustomer!, ended, ct);
        }

        switch (stripeEvent.Data.Object)
        {
            case Invoice invoice when userId is not null && stripeEvent.Type is EventTypes.InvoicePaid or EventTypes.InvoicePaymentFailed:
                // SyncSubscriptionAsync tracks the row it wrote.
                var plan = db.Set<BillingSubscription>().Local.First(s => s.StripeSubscriptionId == subscriptionId).Plan;
                await ledger.RecordInvoiceAsync(userId.Value, invoice, stripeEvent.Type == EventTypes.InvoicePaid ? "paid" : "failed", plan, ct);
                break;
            case Session { Mode: "payment" } session when stripeEvent.Type is EventTypes.CheckoutSessionCompleted or EventTypes.CheckoutSessionAsyncPaymentSucceeded:
                // Pix and boleto complete the session before the money arrives; only a paid session extends the pass.
                userId = session.PaymentStatus == "paid" ? await ledger.ApplyPaidPassAsync(session, ct) : null;
                break;
            case Session { Mode: "payment" } session when stripeEvent.Type is EventTypes.CheckoutSessionAsyncPaymentFailed:
                await ledger.RecordFailedPassAsync(session, ct);
                break;
        }

        try
        {
            await db.SaveChangesAsync(ct);
            if (userId is not null)
            {
                await ledger.ApplyPlanAsync(userId.Value, ct);
                await db.SaveChangesAsync(ct);
            }

            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException ex)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            if (await db.Set<BillingWebhookEvent>().AnyAsync(e => e.EventId == stripeEvent.Id, ct))
            {
                // A concurrent delivery of the same event won the insert: this one changes nothing.
                log.LogInformation(ex, "Stripe event {EventId} was applied by a concurrent delivery.", stripeEvent.Id);
                return WebhookOutcome.Duplicate;
            }

            throw;
        }

        log.LogInformation("Stripe event {EventId} ({Type}) applied.", stripeEvent.Id, stripeEvent.Type);
        return WebhookOutcome.Applied;
    }

    /// <summary>
    /// Stripe's current state of every subscription not yet ended that we hold for the learner whose customer was
    /// deleted (Stripe cancels them with the customer). One Stripe no longer knows is returned as <c>null</c> beside
    /// its id: it grants nothing.
    /// </summary>
    async Task<List<(string Id, Subscription? Current)>> ReadSubscriptionsOfAsync(string customerId, CancellationToken ct)
    {
        var ids = await db.Set<BillingCustomer>().AsNoTracking().Where(c => c.StripeCustomerId == customerId)
            .Join(db.Set<BillingSubscription>().AsNoTracking().Where(s => s.Status != "canceled" && s.Status != "incomplete_expired"),
                c => c.UserId, s => s.UserId, (c, s) => s.StripeSubscriptionId)
            .ToListAsync(ct);
        var read = new List<(string, Subscription?)>(ids.Count);
        foreach (var id in ids)
        {
            try
            {
                read.Add((id, await stripe.GetSubscriptionAsync(id, ct)));
            }
            catch (StripeException ex) when (ex.StripeError?.Code == "resource_missing")
            {
                read.Add((id, null));
            }
        }

        return read;
    }
}
