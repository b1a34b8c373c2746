using System.Text.Json.Nodes;
using Compila.Web.Features.Ai;
using Compila.Web.Features.SmartSolver.Offline;
using Compila.Web.Features.Submissions.Contracts;
using Compila.Web.Features.Submissions.Events;
using Compila.Web.Features.Submissions.Judging;
using Microsoft.Extensions.AI;

namespace Compila.Web.Features.SmartSolver.Agents;

/// <summary>One pipeline run: what the agents share, the tokens each spent and the models that answered.</summary>
public sealed class SolverRun(FeedbackContext context, EmitProgress emit)
{
    readonly Dictionary<string, int> tokens = new(StringComparer.Ordinal);

    public FeedbackContext Context { get; } = context;
    public EmitProgress Emit { get; } = emit;
    public Guid UserId => Context.Submission.UserId;

    /// <summary>False when the learner is over the daily quota: every agent answers offline.</summary>
    public bool LlmAllowed { get; set; } = true;

    /// <summary>pt-BR notice shown with the feedback (e.g. over quota).</summary>
    public string? Notice { get; set; }

    public Investigation? Investigation { get; set; }
    public IReadOnlyList<string> LearningPoints { get; set; } = [];
    public FeedbackPlan? Plan { get; set; }
    public CheckSummary? CheckSummary { get; set; }
    public bool SolutionAvailable { get; set; }
    public IReadOnlyList<NextChallenge> NextChallenges { get; set; } = [];

    /// <summary>The learner-facing text and who wrote it (a model id, or null for the offline engine).</summary>
    public string? Summary { get; set; }
    public string? SummaryModel { get; set; }

    /// <summary>Issues and score proposed by a model, when the Investigate agent had one.</summary>
    public List<Finding>? ModelIssues { get; set; }
    public List<string>? ModelStrengths { get; set; }
    public int? ModelScore { get; set; }
    public List<string>? ModelLearningPoints { get; set; }

    public IReadOnlyDictionary<string, int> TokensByAgent => tokens;
    public int TokensUsed => tokens.Values.Sum();

    public void AddTokens(string agent, int count) => tokens[agent] = tokens.GetValueOrDefault(agent) + count;
}

/// <summary>
/// The spec's BaseAgent: a name, its LLM configuration (resolved per agent from <c>Compila:Ai:Agents</c>), token
/// tracking per run, prompt assembly and logging. An agent with no model configured — or whose model failed — runs
/// its offline logic; the learner never sees the difference as an error.
/// </summary>
public abstract class SolverAgent(AiGateway gateway, ILogger logger)
{
    public abstract string Name { get; }

    /// <summary>pt-BR status streamed with <c>agent_start</c>.</summary>
    protected abstract string Status { get; }

    public abstract Task RunAsync(SolverRun run, CancellationToken ct);

    public Task StartAsync(SolverRun run, CancellationToken ct) =>
        run.Emit(new AgentStartMessage(Name, Status), ct);

    protected ILogger Logger => logger;

    /// <summary>The model settings this agent would use now, or null (offline, or over quota).</summary>
    protected AiAgentSettings? Settings(SolverRun run) => run.LlmAllowed ? gateway.Resolve(Name) : null;

    /// <summary>Asks the agent's model for JSON matching <paramref name="schema"/>; null means "use the offline result".</summary>
    protected async Task<(JsonNode? Value, string? Model)> AskJsonAsync(SolverRun run, string action, string system, string user, JsonObject schema, CancellationToken ct)
    {
        var settings = Settings(run);
        if (settings is null)
        {
            return (null, null);
        }

        var result = await gateway.CompleteJsonAsync(
            new AiCallContext(run.UserId, Name, action),
            settings,
            [new ChatMessage(ChatRole.System, system), new ChatMessage(ChatRole.User, user)],
            schema,
            ct);
        run.AddTokens(Name, result.TotalTokens);
        if (result.Value is null)
        {
            logger.LogInformation("Agent {Agent} fell back to its offline engine ({Status}).", Name, result.Status);
        }

        return (result.Value, result.Value is null ? null : result.Model);
    }
}
