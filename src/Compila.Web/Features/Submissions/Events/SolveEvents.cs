using System.Text.Json.Serialization;
using Compila.ChallengeSuites.Running;
using Compila.Web.Features.Submissions.Contracts;
using Compila.Web.Features.Submissions.Judging;
using Compila.Web.Infrastructure.WebSockets;

namespace Compila.Web.Features.Submissions.Events;

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
