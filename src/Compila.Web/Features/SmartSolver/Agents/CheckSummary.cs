using System.Text.Json.Serialization;
using Compila.Web.Features.Submissions.Contracts;
using Compila.Web.Features.Submissions.Events;
using Compila.Web.Infrastructure.WebSockets;

namespace Compila.Web.Features.SmartSolver.Agents;

/// <summary>The Check agent's finding: the run's summary (each test's <c>check_result</c> went out before).</summary>
[SocketMessage(SolveMessageTypes.Finding)]
public sealed record CheckFindingMessage(string Agent, CheckSummary Data) : SolveEvent;

/// <summary>The spec's check summary; <paramref name="Percentage"/> is passed over total, one decimal.</summary>
public sealed record CheckSummary(int Total, int Passed, int Failed, double Percentage, IReadOnlyList<CheckDetail> Details);

/// <summary>One test in the summary: a hidden case keeps only its name and status.</summary>
/// <param name="Status"><c>passed</c> or <c>failed</c>.</param>
/// <param name="Error">The test's message when it did not pass (null for hidden cases).</param>
public sealed record CheckDetail(
    [property: JsonPropertyName("test_name")] string TestName,
    string Status,
    bool Hidden,
    string? Expected,
    string? Actual,
    string? Error);
