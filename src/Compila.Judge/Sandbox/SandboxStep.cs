namespace Compila.Judge.Sandbox;

/// <summary>A read-only bind of a host path into the sandbox.</summary>
internal sealed record Bind(string Source, string Target);

/// <summary>What the sandbox runs in one step (compile or run).</summary>
internal sealed record SandboxStep
{
    /// <summary>argv inside the sandbox; the first element is an absolute path.</summary>
    public required IReadOnlyList<string> Command { get; init; }
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
    /// <summary>The run's host folder, seen as <c>/box</c>.</summary>
    public required string HostWorkDir { get; init; }
    /// <summary>Compile steps write their artifact to <c>/box</c>; run steps see it read-only.</summary>
    public bool WorkWritable { get; init; }
    public required EffectiveLimits Limits { get; init; }
    public byte[]? Stdin { get; init; }
    /// <summary>Apply RLIMIT_AS when no memory cgroup is available (breaks JVM, Go, .NET and Node, so per language).</summary>
    public bool AddressSpaceLimitAllowed { get; init; }
    public IReadOnlyList<Bind> Binds { get; init; } = [];
    public int TmpMegabytes { get; init; } = 64;
    /// <summary>Host uid/gid the sandbox runs as (root host only); null keeps the caller's.</summary>
    public int? HostUid { get; init; }
}

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
