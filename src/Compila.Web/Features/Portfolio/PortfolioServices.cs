using Compila.Web.Features.Portfolio.Activity;
using Compila.Web.Features.Portfolio.Contracts;
using Compila.Web.Features.Portfolio.Skills;
using Compila.Web.Features.Submissions.Contracts;
using Compila.Web.Infrastructure.Commands;
using Compila.Web.Infrastructure.Events;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Compila.Web.Features.Portfolio;

public static class PortfolioServices
{
    public static void AddCompilaPortfolio(this WebApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<IVerifiedSkills, VerifiedSkills>();
        builder.Services.AddScoped<SkillsRebuild>();
        builder.Services.AddScoped<ActivityHeatmap>();
        builder.Services.AddOperatorCommand<RebuildSkillsCommand>();

        builder.Services.AddEventHandler<ChallengePassed, SkillsRecorder>("portfolio.skills");
        builder.Services.AddEventHandler<SubmissionJudged, ActivityRecorder>("portfolio.activity");
    }
}
