using System.Text.Json.Serialization;
using Compila.ChallengeSuites.Running;
using Compila.Web.Features.Submissions.Judging;
using Compila.Web.Infrastructure.WebSockets;

namespace Compila.Web.Features.Submissions.Events;

/// <summary>
/// One of a submission's progress events: stored numbered (1, 2, 3…) and replayed to every follower of
/// <c>/v1/solve</c>. Producers leave <see cref="Sequence"/> and <see cref="SubmissionId"/> unset; the stream stamps them.
/// </summary>
public abstract record SolveEvent : SocketMessage
{
    [JsonPropertyOrder(-9)]
    public int Sequence { get; init; }

    [JsonPropertyOrder(-8), JsonPropertyName("submission_id")]
    public Guid SubmissionId { get; init; }
}

/// <summary>A loop of the Smart Solver starts: <c>analysis</c> (the tests and findings) or <c>solve</c> (the feedback).</summary>
[SocketMessage(SolveMessageTypes.LoopStart)]
public sealed record LoopStartMessage(string Loop, string Message) : SolveEvent;

/// <summary>An agent starts; <paramref name="Status"/> is what the learner reads meanwhile (pt-BR).</summary>
[SocketMessage(SolveMessageTypes.AgentStart)]
public sealed record AgentStartMessage(string Agent, string Status) : SolveEvent;

/// <summary>One judged test (hidden cases redacted), with how many of the run's tests have been reported.</summary>
[SocketMessage(SolveMessageTypes.CheckResult)]
public sealed record CheckResultMessage(string Agent, TestResult Data, CheckProgress Progress) : SolveEvent;

public sealed record CheckProgress(int Done, int Total);

/// <summary>The last event: the submission as its owner sees it, with the feedback (null without a pipeline).</summary>
[SocketMessage(SolveMessageTypes.Complete)]
public sealed record CompleteMessage(
    SubmissionView Submission,
    Feedback? Feedback,
    [property: JsonPropertyName("learning_points")] IReadOnlyList<string> LearningPoints,
    [property: JsonPropertyName("next_challenges")] IReadOnlyList<NextChallenge> NextChallenges) : SolveEvent;
