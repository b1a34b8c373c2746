using Compila.Web.Features.Billing.Contracts;
using Compila.Web.Infrastructure.Commands;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Compila.Web.Features.Billing;

public static class BillingServices
{
    public static void AddCompilaBilling(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<BillingOptions>().Bind(builder.Configuration.GetSection(BillingOptions.Section)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<BillingOptions>, BillingOptionsValidator>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<PlanCatalog>();
        builder.Services.AddSingleton<StripeGateway>();
        builder.Services.AddScoped<IPlanGates, PlanGates>();
        builder.Services.AddScoped<BillingLedger>();
        builder.Services.AddScoped<BillingWebhook>();
        builder.Services.AddOperatorCommand<BillingCommands>();
    }
}
