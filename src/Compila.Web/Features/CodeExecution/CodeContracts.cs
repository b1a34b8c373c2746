using System.Text.Json.Serialization;

namespace Compila.Web.Features.CodeExecution;

public sealed record CodeFileInput(string? Path, string? Content);

/// <summary>The spec's Code Executor request; <c>timeout</c> is the wall-time limit in seconds.</summary>
public sealed record ExecuteRequest(
    string? Language,
    string? Code,
    IReadOnlyList<CodeFileInput>? Files,
    string? Stdin,
    IReadOnlyList<string>? Args,
    double? Timeout);

/// <summary>The spec's Code Executor response (snake_case, as the spec's Python service answered).</summary>
public sealed record ExecuteResponse(
    [property: JsonPropertyName("run_id")] Guid RunId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("output")] string Output,
    [property: JsonPropertyName("output_truncated")] bool OutputTruncated,
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("execution_time")] double ExecutionTime,
    [property: JsonPropertyName("cpu_time")] double CpuTime,
    [property: JsonPropertyName("exit_code")] int? ExitCode,
    [property: JsonPropertyName("signal")] int? Signal,
    [property: JsonPropertyName("memory")] long? Memory,
    [property: JsonPropertyName("compile_output")] string? CompileOutput);

public sealed record LanguageResponse(string Id, string Name, string Version, bool Available, string? UnavailableReason);
