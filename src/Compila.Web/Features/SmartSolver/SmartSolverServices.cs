using Compila.Web.Features.Ai;
using Compila.Web.Features.SmartSolver.Agents;
using Compila.Web.Features.SmartSolver.Contracts;
using Compila.Web.Features.Submissions.Judging;
using Compila.Web.Infrastructure.WebSockets;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Compila.Web.Features.SmartSolver;

public static class SmartSolverServices
{
    /// <summary>The Smart Solver: the LLM layer, the seven agents, the pipeline (replacing the default no-op) and the solution policy.</summary>
    public static void AddCompilaSmartSolver(this WebApplicationBuilder builder)
    {
        builder.AddCompilaAi();
        var services = builder.Services;
        services.AddSingleton<InvestigateAgent>();
        services.AddSingleton<NoteAgent>();
        services.AddSingleton<ManagerAgent>();
        services.AddSingleton<SolveAgent>();
        services.AddSingleton<CheckAgent>();
        services.AddSingleton<ResponseAgent>();
        services.AddSingleton<PrecisionAnswerAgent>();
        services.TryAddScoped<ISolutionPolicy, SolutionPolicy>();
        services.Replace(ServiceDescriptor.Singleton<IFeedbackPipeline, SmartSolverPipeline>());
        services.AddSocketContract(new("Solve", null, [typeof(InvestigationFindingMessage), typeof(CheckFindingMessage)]));
    }
}
