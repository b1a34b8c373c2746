using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Compila.Web.Features.Portfolio.Export;

public static class PortfolioExportServices
{
    public static void AddCompilaPortfolioExport(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PortfolioExportOptions>().Bind(builder.Configuration.GetSection(PortfolioExportOptions.Section));
        builder.Services.AddScoped<PortfolioFacts>();
        // Until Portfolio's projects register theirs (an AddScoped, registered later, wins over this).
        builder.Services.TryAddScoped<IProfileProjects, NoProfileProjects>();
    }

    sealed class NoProfileProjects : IProfileProjects
    {
        public Task<IReadOnlyList<ProfileProject>> ShownOnProfileAsync(Guid ownerId, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<ProfileProject>>([]);
    }
}
