namespace Compila.Judge;

/// <summary>A source file of a run; <see cref="Path"/> is relative to the work directory.</summary>
public sealed record SourceFile(string Path, string Content);

/// <summary>Per-run limits; null members take the language's defaults, values above the maxima are rejected.</summary>
public sealed record RunLimits
{
    public double? CpuTimeSeconds { get; init; }
    public double? WallTimeSeconds { get; init; }
    public int? MemoryMegabytes { get; init; }
    public int? MaxProcesses { get; init; }
    public int? MaxFileSizeKilobytes { get; init; }
    public int? MaxOutputKilobytes { get; init; }
}

/// <summary>One run: files (the first is the entry point unless the language says otherwise), stdin and args.</summary>
public sealed record RunRequest(
    string Language,
    IReadOnlyList<SourceFile> Files,
    string? Stdin = null,
    IReadOnlyList<string>? Args = null,
    RunLimits? Limits = null);

/// <summary>One input for a compiled artifact.</summary>
public sealed record RunInput(string? Stdin = null, IReadOnlyList<string>? Args = null);

/// <summary>Compile once, run once per input.</summary>
public sealed record BatchRequest(
    string Language,
    IReadOnlyList<SourceFile> Files,
    IReadOnlyList<RunInput> Inputs,
    RunLimits? Limits = null);

/// <summary>Outcome of a compile step and its runs. When compilation fails, <see cref="Runs"/> is empty.</summary>
public sealed record BatchResult(
    Guid RunId,
    bool Compiled,
    string? CompileOutput,
    double CompileWallTimeMs,
    IReadOnlyList<RunResult> Runs);

public enum RunStatus
{
    Accepted,
    CompilationError,
    RuntimeError,
    TimeLimitExceeded,
    MemoryLimitExceeded,
    OutputLimitExceeded,
    InternalError,
}

public sealed record RunResult
{
    public required Guid RunId { get; init; }
    public required RunStatus Status { get; init; }
    public string Stdout { get; init; } = "";
    public bool StdoutTruncated { get; init; }
    public string Stderr { get; init; } = "";
    public bool StderrTruncated { get; init; }
    public string? CompileOutput { get; init; }
    public int? ExitCode { get; init; }
    public int? Signal { get; init; }
    public double CpuTimeMs { get; init; }
    public double WallTimeMs { get; init; }
    public long? PeakMemoryBytes { get; init; }
}

public sealed record LanguageInfo(string Id, string Name, string Version, bool Available, string? UnavailableReason)
{
    /// <summary>The file name to give a single piece of code (e.g. <c>Main.java</c>, <c>main.py</c>).</summary>
    public string EntryFileName { get; init; } = "";

    /// <summary>Whether the language has a compile step (compile output and compilation errors apply).</summary>
    public bool Compiled { get; init; }
}

public sealed record SandboxStatus(bool Available, string Description, string? UnavailableReason);

public sealed class UnknownLanguageException(string language, IEnumerable<string> supported)
    : Exception($"Unknown language '{language}'.")
{
    public string Language { get; } = language;
    public IReadOnlyList<string> Supported { get; } = supported.ToList();
}

public sealed class JudgeUnavailableException(string reason) : Exception(reason);

public sealed class JudgeBusyException(TimeSpan retryAfter) : Exception("The judge queue is full.")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}

/// <summary>A limit override above the configured maximum.</summary>
public sealed class LimitOutOfRangeException(string limit, double maximum)
    : Exception($"Limit '{limit}' exceeds its maximum {maximum}.")
{
    public string Limit { get; } = limit;
    public double Maximum { get; } = maximum;
}
