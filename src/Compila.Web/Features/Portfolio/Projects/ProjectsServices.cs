using Compila.Web.Features.Portfolio.Contracts;

namespace Compila.Web.Features.Portfolio.Projects;

public static class ProjectsServices
{
    public static void AddCompilaPortfolioProjects(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<VerificationKeys>();
        builder.Services.AddSingleton<IVerificationSigner>(sp => sp.GetRequiredService<VerificationKeys>());
        builder.Services.AddScoped<IProfileProjects, ProfileProjects>();
    }
}
