using Compila.ChallengeSuites.Content;
using Compila.ChallengeSuites.Running;
using Compila.Web.Features.Challenges;
using Compila.Web.Features.Submissions.Contracts;
using Compila.Web.Features.Submissions.Events;

namespace Compila.Web.Features.Submissions.Judging;

/// <summary>What the feedback step knows about a judged submission.</summary>
public sealed record FeedbackContext(
    Submission Submission,
    Challenge Challenge,
    ChallengeSuite Content,
    TestRunResult Result);

/// <summary>The Smart Solver's output, stored in <c>submissions.ai_feedback</c>.</summary>
public sealed record FeedbackOutcome(Feedback Feedback, int TokensUsed);

/// <summary>Emits one progress event of the spec's types (loop_start, agent_start, finding…).</summary>
public delegate Task EmitProgress(SolveEvent message, CancellationToken ct);

/// <summary>The feedback pipeline a judged submission is handed to (the Smart Solver agents).</summary>
public interface IFeedbackPipeline
{
    Task<FeedbackOutcome?> RunAsync(FeedbackContext context, EmitProgress emit, CancellationToken ct);
}

/// <summary>Until a pipeline is registered, judging ends with the tests' results alone.</summary>
internal sealed class NoFeedbackPipeline : IFeedbackPipeline
{
    public Task<FeedbackOutcome?> RunAsync(FeedbackContext context, EmitProgress emit, CancellationToken ct) => Task.FromResult<FeedbackOutcome?>(null);
}
