namespace Compila.Judge.Sandbox;

/// <summary>What happened in one step.</summary>
internal sealed record StepOutcome
{
    public int ExitCode { get; init; }
    public int? Signal { get; init; }
    public byte[] Stdout { get; init; } = [];
    public bool StdoutTruncated { get; init; }
    public byte[] Stderr { get; init; } = [];
    public bool StderrTruncated { get; init; }
    public bool WallTimeExceeded { get; init; }
    public bool CpuTimeExceeded { get; init; }
    public bool OutputExceeded { get; init; }
    public bool MemoryExceeded { get; init; }
    public double CpuTimeMs { get; init; }
    public double WallTimeMs { get; init; }
    public long? PeakMemoryBytes { get; init; }
    /// <summary>A process of the step was still alive after the kill; the step is reported as an internal error.</summary>
    public bool Leaked { get; init; }
    /// <summary>The sandbox itself failed to start (bubblewrap's own error).</summary>
    public string? SandboxError { get; init; }
}
