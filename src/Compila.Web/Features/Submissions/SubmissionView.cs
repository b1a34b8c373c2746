using System.Text.Json;
using System.Text.Json.Nodes;
using Compila.ChallengeSuites.Running;
using Compila.Web.Infrastructure.Data;

namespace Compila.Web.Features.Submissions;

/// <summary>A submission as its owner sees it: hidden tests keep only their name and status.</summary>
public sealed record SubmissionView(
    Guid Id,
    Guid ChallengeId,
    string Language,
    string Status,
    int? Score,
    int XpGained,
    int AttemptNumber,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? JudgedAt,
    int? ExecutionTimeMs,
    string? Error,
    JsonNode? TestResults,
    string? Code,
    JsonNode? AiFeedback,
    int? AiTokensUsed)
{
    public static SubmissionView From(Submission s, bool includeCode) => new(
        s.Id, s.ChallengeId, s.Language, EnumLabels.ToLabel(s.Status), s.Score, s.XpGained, s.AttemptNumber, s.SubmittedAt,
        s.JudgedAt, s.ExecutionTimeMs, s.Error, RedactedResults(s.TestResults), includeCode ? s.Code : null,
        s.AiFeedback is null ? null : JsonNode.Parse(s.AiFeedback), s.AiTokensUsed);

    static JsonNode? RedactedResults(string? json)
    {
        if (json is null)
        {
            return null;
        }

        var result = JsonSerializer.Deserialize<TestRunResult>(json, JsonSerializerOptions.Web);
        return result is null ? null : JsonSerializer.SerializeToNode(result.Redacted(), JsonSerializerOptions.Web);
    }
}

/// <summary>One row of the submission history (no code, no results).</summary>
public sealed record SubmissionSummary(
    Guid Id,
    Guid ChallengeId,
    string Language,
    string Status,
    int? Score,
    int XpGained,
    int AttemptNumber,
    DateTimeOffset SubmittedAt,
    int? ExecutionTimeMs)
{
    public static SubmissionSummary From(Submission s) => new(
        s.Id, s.ChallengeId, s.Language, EnumLabels.ToLabel(s.Status), s.Score, s.XpGained, s.AttemptNumber, s.SubmittedAt, s.ExecutionTimeMs);
}

public sealed record SubmitRequest(string? Language, string? Code, IReadOnlyList<CodeExecution.CodeFileInput>? Files);

public sealed record SubmitAccepted(Guid SubmissionId, string Status, int AttemptNumber);
