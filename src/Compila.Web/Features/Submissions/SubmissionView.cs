using System.Text.Json;
using Compila.ChallengeSuites.Running;
using Compila.Web.Features.Submissions.Contracts;
using Compila.Web.Features.Submissions.Judging;
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
    TestRunResult? TestResults,
    string? Code,
    Feedback? AiFeedback,
    int? AiTokensUsed)
{
    public static SubmissionView From(Submission s, bool includeCode) => new(
        s.Id, s.ChallengeId, s.Language, EnumLabels.ToLabel(s.Status), s.Score, s.XpGained, s.AttemptNumber, s.SubmittedAt,
        s.JudgedAt, s.ExecutionTimeMs, s.Error, RedactedResults(s.TestResults), includeCode ? s.Code : null,
        s.AiFeedback is null ? null : JsonSerializer.Deserialize<Feedback>(s.AiFeedback, JsonSerializerOptions.Web), s.AiTokensUsed);

    static TestRunResult? RedactedResults(string? json) =>
        json is null ? null : JsonSerializer.Deserialize<TestRunResult>(json, JsonSerializerOptions.Web)?.Redacted();
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
