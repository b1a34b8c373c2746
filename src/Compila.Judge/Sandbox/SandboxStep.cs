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
    /// <summary>What of the host the step sees (the language's runtime, the judge's tools), read-only.</summary>
    public RuntimeView View { get; init; } = RuntimeView.Empty;
    public int TmpMegabytes { get; init; } = 64;
    /// <summary>Host uid/gid the sandbox runs as (root host only); null keeps the caller's.</summary>
    public int? HostUid { get; init; }
}
