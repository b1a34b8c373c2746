using System.Text.Json.Nodes;
using Compila.ChallengeSuites.Running;
using Compila.ChallengeSuites.Specs;
using Compila.Web.Features.Ai;
using Compila.Web.Features.SmartSolver.Contracts;
using Compila.Web.Features.SmartSolver.Offline;
using Compila.Web.Infrastructure.Data;

namespace Compila.Web.Features.SmartSolver.Agents;

/// <summary>Solve loop, step 1: the plan — which problem to explain first, on which line, and the issues in order.</summary>
public sealed class ManagerAgent(AiGateway gateway, ILogger<ManagerAgent> logger) : SolverAgent(gateway, logger)
{
    public override string Name => "manager";
    protected override string Status => "Planejando o feedback...";

    public override Task RunAsync(SolverRun run, CancellationToken ct)
    {
        run.Plan = FeedbackPlanner.Plan(run.Investigation!);
        return Task.CompletedTask;
    }
}

/// <summary>
/// Solve loop, step 2 (only when there are errors): decides whether the reference solution may be offered. It is
/// never copied into the feedback nor sent to a model; after a pass or an explicit give-up the learner reads it at
/// <c>GET /v1/challenges/{id}/solution</c>.
/// </summary>
public sealed class SolveAgent(AiGateway gateway, IServiceScopeFactory scopes, ILogger<SolveAgent> logger) : SolverAgent(gateway, logger)
{
    public override string Name => "solve";
    protected override string Status => "Consultando a política de solução...";

    public override async Task RunAsync(SolverRun run, CancellationToken ct)
    {
        if (run.Context.Result.Status == SuiteStatus.Pass)
        {
            run.SolutionAvailable = true;
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CompilaDb>();
        var policy = scope.ServiceProvider.GetRequiredService<ISolutionPolicy>();
        var submission = run.Context.Submission;
        run.SolutionAvailable = await SolutionPolicy.HasPassedAsync(db, submission.UserId, submission.ChallengeId, ct)
            || await policy.HasGivenUpAsync(db, submission.UserId, submission.ChallengeId, ct);
    }
}

/// <summary>Solve loop, step 3: the spec's check summary (total, passed, failed, percentage, details), hidden cases redacted.</summary>
public sealed class CheckAgent(AiGateway gateway, ILogger<CheckAgent> logger) : SolverAgent(gateway, logger)
{
    public override string Name => "check";
    protected override string Status => "Conferindo os resultados dos testes...";

    public override async Task RunAsync(SolverRun run, CancellationToken ct)
    {
        var result = run.Context.Result.Redacted();
        run.CheckSummary = new CheckSummary(
            result.Total,
            result.Passed,
            result.Total - result.Passed,
            result.Total == 0 ? 0 : Math.Round(result.Passed * 100.0 / result.Total, 1),
            [.. result.Tests.Select(t => new CheckDetail(
                t.Name,
                t.Status == TestStatus.Pass ? "passed" : "failed",
                t.Hidden,
                t.Hidden ? null : t.Expected,
                t.Hidden ? null : t.Actual,
                t.Hidden || t.Status == TestStatus.Pass ? null : t.Message))]);

        // Each test's check_result was already streamed by the judge; the agent's summary goes out as a finding.
        await run.Emit(new CheckFindingMessage(Name, run.CheckSummary), ct);
    }
}

/// <summary>Solve loop, step 4: the pt-BR feedback text — from the model when one is configured, else the offline writer.</summary>
public sealed class ResponseAgent(AiGateway gateway, ILogger<ResponseAgent> logger) : SolverAgent(gateway, logger)
{
    public override string Name => "response";
    protected override string Status => "Escrevendo o feedback...";

    public override async Task RunAsync(SolverRun run, CancellationToken ct)
    {
        var (value, model) = await AskJsonAsync(run, "respond", Prompts.ResponseSystem, Prompts.Response(run, run.Investigation!, run.Plan!), Prompts.ResponseSchema, ct);
        if (value is JsonObject answer && answer["summary"]!.GetValue<string>() is { Length: > 0 } summary)
        {
            run.Summary = summary.Trim();
            run.SummaryModel = model;
            run.ModelLearningPoints = (answer["learning_points"] as JsonArray ?? []).Select(p => p!.GetValue<string>()).Where(p => p.Length > 0).ToList();
            return;
        }

        run.Summary = null;
    }
}

/// <summary>
/// Solve loop, step 5: the last word on precision and policy. A model's text must be within length and leak nothing
/// (no reference-solution line, no hidden case's arguments or expected value); otherwise, or with no model text, the
/// offline writer's text stands.
/// </summary>
public sealed class PrecisionAnswerAgent(AiGateway gateway, ILogger<PrecisionAnswerAgent> logger) : SolverAgent(gateway, logger)
{
    public override string Name => "precision";
    protected override string Status => "Revisando a precisão da resposta...";

    public override Task RunAsync(SolverRun run, CancellationToken ct)
    {
        if (run.Summary is { } text && (FeedbackWriter.Words(text) is < 50 or > 220 || Leaks(run, text) is { } leak && Log(leak)))
        {
            run.Summary = null;
            run.SummaryModel = null;
            run.ModelLearningPoints = null;
        }

        run.Summary ??= FeedbackWriter.Write(run.Investigation!, run.Plan!, (run.NextChallenges.Count > 0 ? run.NextChallenges[0].Title : null));
        return Task.CompletedTask;
    }

    bool Log(string leak)
    {
        Logger.LogWarning("Model feedback rejected: {Leak}.", leak);
        return true;
    }

    /// <summary>What of the protected material <paramref name="text"/> contains, or null.</summary>
    public static string? Leaks(SolverRun run, string text)
    {
        var content = run.Context.Content;
        var learner = run.Context.Submission.Code;
        foreach (var file in content.Languages.Values.SelectMany(l => l.Solution))
        {
            foreach (var line in file.Content.Split('\n').Select(l => l.Trim()).Where(l => l.Length >= 25))
            {
                if (text.Contains(line, StringComparison.Ordinal) && !learner.Contains(line, StringComparison.Ordinal))
                {
                    return "reference solution line";
                }
            }
        }

        if (content.Tests is FunctionTestSpec spec)
        {
            var visible = string.Join('\n', spec.Cases.Where(c => !c.Hidden).SelectMany(c => c.Args.Append(c.Expected)).Select(JsonValues.Render))
                + content.Description + learner;
            foreach (var hidden in spec.Cases.Where(c => c.Hidden))
            {
                foreach (var value in hidden.Args.Append(hidden.Expected).Select(JsonValues.Render).Where(v => v.Length >= 4))
                {
                    if (text.Contains(value, StringComparison.Ordinal) && !visible.Contains(value, StringComparison.Ordinal))
                    {
                        return "hidden case value";
                    }
                }
            }
        }

        return null;
    }
}
