using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compila.Web.Features.Billing;

/// <summary>
/// A learner's Stripe customer, and the pro time bought with one-time passes. LGPD: exported with the learner's
/// data; to be deleted on the account deletion event (not published yet), with the Stripe customer through its API.
/// </summary>
public sealed class BillingCustomer
{
    public Guid UserId { get; set; }

    /// <summary>
    /// Stripe's <c>cus_…</c> id; <c>none:&lt;user id&gt;</c> when a pass arrived without one, <c>deleted:cus_…</c> after
    /// Stripe deleted the customer. Only a <c>cus_</c> id opens the portal or is reused at checkout.
    /// </summary>
    public required string StripeCustomerId { get; set; }

    /// <summary>End of the pro time paid with passes (Pix or boleto), null when none was bought.</summary>
    public DateTimeOffset? PassExpiresAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>Our copy of a Stripe subscription, always as last read from Stripe (never from an event's payload).</summary>
public sealed class BillingSubscription
{
    public required string StripeSubscriptionId { get; set; }
    public Guid UserId { get; set; }
    public required string Plan { get; set; }

    /// <summary>Stripe's status: active, trialing, past_due, canceled, unpaid, incomplete, incomplete_expired, paused.</summary>
    public required string Status { get; set; }

    public DateTimeOffset? CurrentPeriodEnd { get; set; }
    public bool CancelAtPeriodEnd { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A payment Stripe told us about (an invoice of a subscription, or a pass's Checkout Session). LGPD: as customers.</summary>
public sealed class BillingPayment
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UserId { get; set; }

    /// <summary>The invoice (<c>in_…</c>) or Checkout Session (<c>cs_…</c>) id: one row per Stripe object.</summary>
    public required string StripeObjectId { get; set; }

    /// <summary><c>subscription</c> or <c>pass</c>.</summary>
    public required string Kind { get; set; }

    public required string Plan { get; set; }
    public long AmountCents { get; set; }
    public required string Currency { get; set; }

    /// <summary><c>paid</c> or <c>failed</c>.</summary>
    public required string Status { get; set; }

    public int? PassMonths { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A Stripe event applied; stored in the transaction of its effect, so a redelivery changes nothing.</summary>
public sealed class BillingWebhookEvent
{
    public required string EventId { get; set; }
    public required string Type { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}

internal sealed class BillingCustomerConfiguration : IEntityTypeConfiguration<BillingCustomer>
{
    public void Configure(EntityTypeBuilder<BillingCustomer> customer)
    {
        customer.ToTable("billing_customers");
        customer.HasKey(c => c.UserId);
        customer.Property(c => c.StripeCustomerId).HasMaxLength(255);
        customer.HasIndex(c => c.StripeCustomerId).IsUnique().HasDatabaseName("idx_billing_customers_stripe_customer_id");
    }
}

internal sealed class BillingSubscriptionConfiguration : IEntityTypeConfiguration<BillingSubscription>
{
    public void Configure(EntityTypeBuilder<BillingSubscription> subscription)
    {
        subscription.ToTable("billing_subscriptions", t =>
            t.HasCheckConstraint("ck_billing_subscriptions_plan", "plan IN ('pro', 'pro_plus')"));
        subscription.HasKey(s => s.StripeSubscriptionId);
        subscription.Property(s => s.StripeSubscriptionId).HasMaxLength(255);
        subscription.Property(s => s.Plan).HasMaxLength(20);
        subscription.Property(s => s.Status).HasMaxLength(30);
        subscription.HasIndex(s => s.UserId).HasDatabaseName("idx_billing_subscriptions_user_id");
    }
}

internal sealed class BillingPaymentConfiguration : IEntityTypeConfiguration<BillingPayment>
{
    public void Configure(EntityTypeBuilder<BillingPayment> payment)
    {
        payment.ToTable("billing_payments", t =>
        {
            t.HasCheckConstraint("ck_billing_payments_kind", "kind IN ('subscription', 'pass')");
            t.HasCheckConstraint("ck_billing_payments_status", "status IN ('paid', 'failed')");
            t.HasCheckConstraint("ck_billing_payments_plan", "plan IN ('pro', 'pro_plus')");
        });
        payment.HasKey(p => p.Id);
        payment.Property(p => p.StripeObjectId).HasMaxLength(255);
        payment.Property(p => p.Kind).HasMaxLength(20);
        payment.Property(p => p.Plan).HasMaxLength(20);
        payment.Property(p => p.Currency).HasMaxLength(3);
        payment.Property(p => p.Status).HasMaxLength(20);
        payment.HasIndex(p => new { p.StripeObjectId, p.Status }).IsUnique().HasDatabaseName("idx_billing_payments_stripe_object");
        payment.HasIndex(p => new { p.UserId, p.CreatedAt }).HasDatabaseName("idx_billing_payments_user_created");
    }
}

internal sealed class BillingWebhookEventConfiguration : IEntityTypeConfiguration<BillingWebhookEvent>
{
    public void Configure(EntityTypeBuilder<BillingWebhookEvent> webhookEvent)
    {
        webhookEvent.ToTable("billing_webhook_events");
        webhookEvent.HasKey(e => e.EventId);
        webhookEvent.Property(e => e.EventId).HasMaxLength(255);
        webhookEvent.Property(e => e.Type).HasMaxLength(100);
    }
}
