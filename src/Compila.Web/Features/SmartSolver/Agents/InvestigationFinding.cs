using System.Text.Json.Serialization;
using Compila.Web.Features.Submissions.Contracts;
using Compila.Web.Features.Submissions.Events;
using Compila.Web.Features.Submissions.Judging;
using Compila.Web.Infrastructure.WebSockets;

namespace Compila.Web.Features.SmartSolver.Agents;

/// <summary>The Investigate agent's finding: errors and warnings counted, the issues and the strengths.</summary>
[SocketMessage(SolveMessageTypes.Finding)]
public sealed record InvestigationFindingMessage(string Agent, InvestigationFinding Data) : SolveEvent;

public sealed record InvestigationFinding(
    [property: JsonPropertyName("has_errors")] bool HasErrors,
    [property: JsonPropertyName("error_count")] int ErrorCount,
    [property: JsonPropertyName("warning_count")] int WarningCount,
    IReadOnlyList<FeedbackIssue> Issues,
    IReadOnlyList<string> Strengths);
