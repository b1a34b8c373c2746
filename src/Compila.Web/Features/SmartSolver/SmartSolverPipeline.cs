using Compila.ChallengeSuites.Running;
using Compila.Web.Features.Ai;
using Compila.Web.Features.Challenges.Contracts;
using Compila.Web.Features.SmartSolver.Agents;
using Compila.Web.Features.SmartSolver.Offline;
using Compila.Web.Features.Submissions;
using Compila.Web.Features.Submissions.Contracts;
using Compila.Web.Features.Submissions.Events;
using Compila.Web.Features.Submissions.Judging;
using Compila.Web.Infrastructure.Data;

namespace Compila.Web.Features.SmartSolver;

/// <summary>
/// The Smart Solver's dual loop. Analysis: Investigate, Note. Solve: Manager, Solve (when there are errors), Check,
/// Response, Precision Answer. Each step is streamed with the spec's message types; the judge already streamed the
/// analysis loop's start and each test's <c>check_result</c>, and it emits <c>complete</c> with what this returns.
/// </summary>
public sealed class SmartSolverPipeline(
    InvestigateAgent investigate,
    NoteAgent note,
    ManagerAgent manager,
    SolveAgent solve,
    CheckAgent check,
    ResponseAgent response,
    PrecisionAnswerAgent precision,
    AiGateway gateway,
    AiQuota quota,
    IServiceScopeFactory scopes,
    ILogger<SmartSolverPipeline> logger) : IFeedbackPipeline
{
    static readonly string[] LlmAgents = ["investigate", "note", "manager", "solve", "check", "response", "precision"];

    public async Task<FeedbackOutcome?> RunAsync(FeedbackContext context, EmitProgress emit, CancellationToken ct)
    {
        using var operation = SubmissionTracing.Source.StartActivity("solve_operation");
        operation?.SetTag("challenge_id", context.Challenge.Id);
        var run = new SolverRun(context, emit);
        var passed = context.Result.Status == SuiteStatus.Pass;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CompilaDb>();
            if (LlmAgents.Any(a => gateway.Resolve(a) is not null))
            {
                var status = await quota.CheckAsync(db, run.UserId, ct);
                if (!status.Allowed)
                {
                    run.LlmAllowed = false;
                    run.Notice = $"Você atingiu o limite diário de IA do plano {status.Plan} ({status.DailyLimit} tokens). Este feedback foi gerado pelo motor offline; o limite renova à meia-noite (UTC).";
                    logger.LogInformation("User {UserId} over the daily AI quota ({Used}/{Limit}); offline feedback.", run.UserId, status.UsedToday, status.DailyLimit);
                }
            }

            // The catalog is scoped (it reads through this scope's DbContext); the pipeline is a singleton shared by
            // concurrent judge jobs.
            var catalog = scope.ServiceProvider.GetRequiredService<IChallengeCatalog>();
            run.NextChallenges = await NextChallenges.RecommendAsync(db, catalog, run.UserId, context.Challenge.Id, passed, 3, ct);
        }

        await RunAgentAsync(investigate, run, ct);
        await RunAgentAsync(note, run, ct);

        await emit(new LoopStartMessage("solve", "Gerando feedback..."), ct);
        await RunAgentAsync(manager, run, ct);
        if (run.Investigation!.HasErrors)
        {
            await RunAgentAsync(solve, run, ct);
        }
        else
        {
            run.SolutionAvailable = true;
        }

        await RunAgentAsync(check, run, ct);
        await RunAgentAsync(response, run, ct);
        await RunAgentAsync(precision, run, ct);

        return new FeedbackOutcome(BuildFeedback(run), run.TokensUsed);
    }

    static async Task RunAgentAsync(SolverAgent agent, SolverRun run, CancellationToken ct)
    {
        // Span names are the document's stages ("investigation", "solve", ...), children of the submission's trace.
        using var span = SubmissionTracing.Source.StartActivity(agent.Name == "investigate" ? "investigation" : agent.Name);
        await agent.StartAsync(run, ct);
        await agent.RunAsync(run, ct);
    }

    static Feedback BuildFeedback(SolverRun run)
    {
        var inv = run.Investigation!;
        var plan = run.Plan!;
        var issues = plan.Issues.ToList();
        if (run.ModelIssues is { Count: > 0 } modelIssues)
        {
            // The offline fault is grounded in the test run: it stays first; the model's issues follow.
            issues = [.. plan.Fault is null ? [] : new[] { plan.Fault }, .. modelIssues.Where(m => plan.Fault is null || m.Title != plan.Fault.Title)];
        }

        var strengths = run.SummaryModel is not null && run.ModelStrengths is { Count: > 0 } ms ? ms : [.. inv.Strengths];
        var learningPoints = run.ModelLearningPoints is { Count: > 0 } mlp ? mlp : [.. run.LearningPoints];
        return new Feedback(
            Issues(issues, inv.File),
            strengths,
            run.SummaryModel is not null && run.ModelScore is { } score ? score : plan.OverallScore,
            learningPoints,
            run.NextChallenges,
            run.Summary,
            run.SummaryModel ?? "offline",
            new FeedbackTests(inv.Passed, inv.Total),
            run.SolutionAvailable,
            run.TokensUsed,
            run.Notice);
    }

    public static IReadOnlyList<FeedbackIssue> Issues(IEnumerable<Finding> issues, string file) =>
        [.. issues.Select(i => new FeedbackIssue(i.Type, i.Severity, i.Title, new IssueLocation(file, i.Line), i.Description, i.Suggestion))];
}
