using Compila.Web.Features.Challenges.Contracts;
using Compila.Web.Features.Challenges.Statistics;
using Compila.Web.Features.Submissions.Contracts;
using Compila.Web.Infrastructure.Events;
namespace Compila.Web.Features.Challenges.Content;

public static class ChallengeContentServices
{
    public static void AddCompilaChallenges(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ContentOptions>().Bind(builder.Configuration.GetSection(ContentOptions.Section));
        builder.Services.AddSingleton<ChallengeContent>();
        builder.Services.AddScoped<ChallengeImporter>();
        builder.Services.AddScoped<IChallengeCatalog, ChallengeQueries>();
        builder.Services.AddEventHandler<SubmissionJudged, ChallengeStatistics>("challenges.statistics");
    }

    public static async Task ImportChallengesOnStartAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ContentOptions>>().Value;
        if (!options.ImportOnStart)
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<ChallengeImporter>().ImportAsync();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Compila.Content");
        if (report.Succeeded)
        {
            logger.LogInformation("Challenge content imported: {Report}", report.ToString());
        }
        else
        {
            // Serving the catalog already in the database beats refusing to start over a content mistake.
            logger.LogError("Challenge content NOT imported: {Report}", report.ToString());
        }
    }
}
