using Compila.Web.Infrastructure.Commands;
using Compila.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Stripe;

namespace Compila.Web.Features.Billing;

/// <summary>
/// <c>billing reconcile</c>: re-reads every known subscription from Stripe and re-applies each learner's plan, for
/// webhooks that never arrived (an endpoint down longer than Stripe retries) and passes that ran out.
/// </summary>
internal sealed class BillingCommands : IOperatorCommand
{
    public IReadOnlyList<string> Words { get; } = ["billing", "reconcile"];

    public string Description => "re-reads every known Stripe subscription and re-applies each learner's plan";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var stripe = services.GetRequiredService<StripeGateway>();
        if (!stripe.IsConfigured)
        {
            await Console.Error.WriteLineAsync("Stripe is not configured (Compila__Billing__Stripe__ApiKey and WebhookSecret).");
            return 1;
        }

        var (subscriptions, users, failures) = await ReconcileAsync(services, ct);
        Console.WriteLine($"Reconciled {subscriptions} subscription(s) and {users} learner(s); {failures} could not be read from Stripe.");
        return failures == 0 ? 0 : 1;
    }

    internal static async Task<(int Subscriptions, int Users, int Failures)> ReconcileAsync(IServiceProvider services, CancellationToken ct)
    {
        var stripe = services.GetRequiredService<StripeGateway>();
        List<string> ids;
        List<Guid> userIds;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CompilaDb>();
            ids = await db.Set<BillingSubscription>().Select(s => s.StripeSubscriptionId).ToListAsync(ct);
            userIds = await db.Set<BillingSubscription>().Select(s => s.UserId)
                .Union(db.Set<BillingCustomer>().Where(c => c.PassExpiresAt != null).Select(c => c.UserId)).ToListAsync(ct);
        }

        var failures = 0;
        foreach (var id in ids)
        {
            try
            {
                var current = await stripe.GetSubscriptionAsync(id, ct);
                await using var scope = services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<BillingLedger>().SyncSubscriptionAsync(current, ct);
                await scope.ServiceProvider.GetRequiredService<CompilaDb>().SaveChangesAsync(ct);
            }
            catch (StripeException ex)
            {
                failures++;
                await Console.Error.WriteLineAsync($"{id}: {ex.Message}");
            }
        }

        foreach (var userId in userIds)
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<BillingLedger>().ApplyPlanAsync(userId, ct);
            await scope.ServiceProvider.GetRequiredService<CompilaDb>().SaveChangesAsync(ct);
        }

        return (ids.Count, userIds.Count, failures);
    }
}
