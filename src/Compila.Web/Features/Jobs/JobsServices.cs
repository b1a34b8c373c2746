using Compila.Web.Features.Jobs.Applications;
using Compila.Web.Features.Jobs.Assessments;
using Compila.Web.Features.Jobs.Candidates;
using Compila.Web.Features.Jobs.Companies;
using Compila.Web.Features.Jobs.Contacts;
using Compila.Web.Features.Jobs.Matching;
using Compila.Web.Features.Jobs.Postings;
using Compila.Web.Features.Submissions.Contracts;
using Compila.Web.Infrastructure.Configuration;
using Compila.Web.Infrastructure.Events;

namespace Compila.Web.Features.Jobs;

public static class JobsServices
{
    public static void AddCompilaJobs(this WebApplicationBuilder builder, CompilaOptions options)
    {
        builder.Services.AddSingleton<JobExpiry>();
        builder.Services.AddEventHandler<ChallengePassed, AssessmentRecorder>("jobs.assessments");
        if (options.Role.RunsWorkers())
        {
            builder.Services.AddHostedService(sp => sp.GetRequiredService<JobExpiry>());
        }
    }

    public static void MapJobsApi(this IEndpointRouteBuilder app)
    {
        app.MapJobsForMeApi();
        app.MapJobPostingsApi();
        app.MapCompaniesApi();
        app.MapApplicationsApi();
        app.MapCandidatesApi();
        app.MapAssessmentsApi();
        app.MapContactsApi();
    }
}
