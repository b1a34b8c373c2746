using System.Text.Json.Serialization;
using Compila.Web.Infrastructure.WebSockets;

namespace Compila.Web.Features.Submissions.Contracts;

/// <summary>The spec's Smart Solver message types, in the order a client sees them.</summary>
public static class SolveMessageTypes
{
    public const string LoopStart = "loop_start";
    public const string AgentStart = "agent_start";
    public const string Finding = "finding";
    public const string CheckResult = "check_result";
    public const string Complete = "complete";
}

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
