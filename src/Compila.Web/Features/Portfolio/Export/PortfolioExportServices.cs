namespace Compila.Web.Features.Portfolio.Export;

public static class PortfolioExportServices
{
    public static void AddCompilaPortfolioExport(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PortfolioExportOptions>().Bind(builder.Configuration.GetSection(PortfolioExportOptions.Section));
        builder.Services.AddScoped<PortfolioFacts>();
    }
}
