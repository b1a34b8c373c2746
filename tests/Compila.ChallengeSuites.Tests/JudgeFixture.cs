using System.Collections.Concurrent;
using Compila.ChallengeSuites.Content;
using Microsoft.Extensions.Options;

[assembly: AssemblyFixture(typeof(Compila.ChallengeSuites.Tests.JudgeFixture))]

namespace Compila.ChallengeSuites.Tests;

/// <summary>
/// The real judge (bubblewrap sandbox), shared by every test, wrapped so tests can see exactly what
/// entered the sandbox and what came out. Learner and reference code only ever run through it.
/// </summary>
public sealed class JudgeFixture : IDisposable
{
    readonly BubblewrapJudge inner;

    public JudgeFixture()
    {
        // A uid range of its own: other processes on this machine may run a judge with the default range.
        inner = new BubblewrapJudge(Options.Create(new JudgeOptions { SandboxUidBase = 63000 }));
        Judge = new RecordingJudge(inner);
    }

    public RecordingJudge Judge { get; }

    public void Dispose() => inner.Dispose();

    static readonly Lazy<string> RepoRootLazy = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Compila.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Repository root (Compila.slnx) not found.");
    });

    public static string RepoRoot => RepoRootLazy.Value;

    public static string ContentRoot => Path.Combine(RepoRoot, "content");

    static readonly Lazy<CatalogLoadResult> CatalogLazy = new(() => ChallengeCatalog.Load(ContentRoot));

    public static CatalogLoadResult Catalog => CatalogLazy.Value;
}

/// <summary>An <see cref="IJudge"/> that keeps every batch request and result.</summary>
public sealed class RecordingJudge(IJudge inner) : IJudge
{
    public ConcurrentQueue<(BatchRequest Request, BatchResult Result)> Batches { get; } = new();

    public SandboxStatus Sandbox => inner.Sandbox;

    public IReadOnlyList<LanguageInfo> Languages => inner.Languages;

    public Task<RunResult> RunAsync(RunRequest request, CancellationToken cancellationToken = default) =>
        inner.RunAsync(request, cancellationToken);

    public async Task<BatchResult> RunBatchAsync(BatchRequest request, CancellationToken cancellationToken = default)
    {
        var result = await inner.RunBatchAsync(request, cancellationToken);
        Batches.Enqueue((request, result));
        return result;
    }
}
