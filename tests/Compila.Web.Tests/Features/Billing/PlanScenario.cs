using Compila.Web.Features.Users.Contracts;
using Compila.Web.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Compila.Web.Tests.Features.Billing;

/// <summary>Gives a learner a plan the way Billing and the admin area do (Users' <c>IUserPlans</c>), without Stripe.</summary>
public static class PlanScenario
{
    public static async Task SetPlanAsync(IServiceProvider services, Guid userId, string plan, DateTimeOffset? expiresAt = null)
    {
        await using var scope = services.CreateAsyncScope();
        var applied = await scope.ServiceProvider.GetRequiredService<IUserPlans>()
            .ApplyAsync(new PlanChangeRequest(userId, plan, expiresAt, "admin"), CancellationToken.None);
        Assert.NotNull(applied);
        await scope.ServiceProvider.GetRequiredService<CompilaDb>().SaveChangesAsync();
    }
}
