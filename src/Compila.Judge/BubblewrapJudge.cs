using System.Text;
using System.Threading.Channels;
using Compila.Judge.Languages;
using Compila.Judge.Sandbox;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Compila.Judge;

/// <summary>
/// The judge: language adapters, a bounded pool of workers with a bounded queue, and bubblewrap isolation.
/// Probes the sandbox and the runtimes once, at construction, and fails closed when bubblewrap does not work.
/// </summary>
public sealed class BubblewrapJudge : IJudge, IDisposable
{
    private readonly JudgeOptions _options;
    private readonly ILogger _logger;
    private readonly Dictionary<string, LanguageAdapter> _adapters;
    private readonly Dictionary<string, LanguageInfo> _languages;
    private readonly BubblewrapRunner _runner;
    private readonly Channel<int> _slots;
    private readonly LauncherSlot[]? _launchers;
    private readonly int _admissionLimit;
    private readonly int[] _uids;
    private readonly LanguageLimits _limits;
    private readonly CompileServers _compileServers;
    private readonly WorkFileSystem _fs;
    private int _admitted;

    public BubblewrapJudge(IOptions<JudgeOptions> options, ILogger<BubblewrapJudge>? logger = null)
    {
        _options = options.Value;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _limits = new LanguageLimits(_options);
        PoolSize = _options.PoolSize > 0 ? _options.PoolSize : Environment.ProcessorCount;
        _admissionLimit = PoolSize + Math.Max(0, _options.QueueCapacity);
        // One host uid per slot, one for the start-up probe and one per slot's compile servers, unique machine-wide
        // (a server's threads must not count against its slot's RLIMIT_NPROC).
        _uids = Native.IsRoot ? UidAllocator.Claim(_options.SandboxUidBase, 2 * PoolSize + 1) : [];
        _slots = Channel.CreateBounded<int>(PoolSize);
        for (var slot = 0; slot < PoolSize; slot++)
        {
            _slots.Writer.TryWrite(slot);
        }

        _fs = WorkFileSystem.Acquire(_options.WorkRoot, WorkFileSystemBytes(), _options.MountWorkFileSystem);
        var cgroups = Cgroups.Probe(_options.CgroupRoot, _options.UseCgroups && Native.IsRoot, pids: _options.UsePidsCgroup || !Native.IsRoot);
        cgroups.SweepStale(TimeSpan.FromMinutes(10));
        _runner = new BubblewrapRunner(
            new BubblewrapCommand(_options.BubblewrapPath, cgroups, _options.UseSeccomp ? SeccompFilter.CachedFile(_options.WorkRoot) : null), _logger);
        Sandbox = SandboxProbe.Run(_runner, _fs, _uids, SlotUid(PoolSize));
        // Launchers run as their slot's uid, which only a root host has.
        if (_options.UseStepLaunchers && cgroups.Any && Sandbox.Available && Native.IsRoot)
        {
            _launchers = Enumerable.Range(0, PoolSize).Select(slot => new LauncherSlot(cgroups, _uids[slot], _options.WorkRoot, _logger)).ToArray();
        }

        WorkDirectory.SweepStale(_options.WorkRoot);

        var tools = new JudgeTools(JudgeTools.FindDirectory(_options.ToolsDirectory), _options.WorkRoot, _fs);
        LanguageAdapter[] all = [new Python(), new JavaScript(), new TypeScript(), new Java(), new Go(), new CSharp()];
        _adapters = all.ToDictionary(a => a.Id, StringComparer.OrdinalIgnoreCase);
        var probes = all.AsParallel().Select(a => (Adapter: a, Reason: LanguageProbe.UnavailableReason(a, tools, _limits.Settings(a)))).ToList();
        _languages = probes.ToDictionary(
            p => p.Adapter.Id,
            p => new LanguageInfo(p.Adapter.Id, p.Adapter.Name, p.Adapter.Version, p.Reason is null && Sandbox.Available,
                p.Reason ?? (Sandbox.Available ? null : "Sandbox unavailable: " + Sandbox.UnavailableReason))
            {
                EntryFileName = p.Adapter.EntryFileName,
                Compiled = p.Adapter.NeedsCompile,
            },
            StringComparer.OrdinalIgnoreCase);
        Languages = all.Select(a => _languages[a.Id]).ToList();
        // One host uid per slot's compile servers, after the slots' and the probe's.
        _compileServers = new CompileServers(
            _options.UseCompileServers ? all.Where(a => _languages[a.Id].Available) : [],
            _runner, _limits, Enumerable.Range(0, PoolSize).Select(slot => SlotUid(PoolSize + 1 + slot)).ToArray(), _fs.Root, _logger);

        foreach (var language in Languages.Where(l => !l.Available))
        {
            _logger.LogWarning("Language {Language} unavailable: {Reason}", language.Id, language.UnavailableReason);
        }
    }

    /// <inheritdoc />
    public SandboxStatus Sandbox { get; }

    /// <inheritdoc />
    public IReadOnlyList<LanguageInfo> Languages { get; }

    /// <summary>Where run folders are made and what sandboxes bind from (for tests and diagnostics).</summary>
    internal string WorkFileSystemRoot => _fs.Root;

    /// <summary>What a language's steps see of the host (for the benchmarks).</summary>
    internal RuntimeView View(string language) => Adapter(language).View;

    /// <summary>
    /// The size of a tmpfs the judge mounts for its work folders: room for every slot's compile to fill its memory
    /// limit (what a step writes there is charged to its memory cgroup, so that is the most it can hold) and 512 MB
    /// for the staged runtime libraries and tools (about 150 MB here).
    /// </summary>
    private long WorkFileSystemBytes()
    {
        var compileMegabytes = _options.Languages.Values.Select(l => l.CompileLimits?.MemoryMegabytes ?? 0)
            .Append(_options.CompileLimits.MemoryMegabytes).Max();
        var megabytes = _options.WorkFileSystemMegabytes > 0 ? _options.WorkFileSystemMegabytes : 512L + (long)PoolSize * compileMegabytes;
        return megabytes * 1024 * 1024;
    }

    /// <summary>The pid of each slot's step launcher (null: none yet); empty when steps are started directly.</summary>
    internal IReadOnlyList<int?> LauncherPids => _launchers?.Select(l => l.CurrentPid).ToList() ?? [];

    /// <summary>How many of a language's compile servers have a process up (one per slot at most).</summary>
    internal int CompileServersUp(string language) => _compileServers.Up(language);

    /// <summary>Runs executing at once.</summary>
    public int PoolSize { get; }

    /// <summary>The bubblewrap argv of the run step of a language, as configured here (for docs and diagnostics).</summary>
    public IReadOnlyList<string> DescribeRunCommand(string language, string hostWorkDir)
    {
        var adapter = Adapter(language);
        var limits = _limits.Run(adapter, null);
        return _runner.Command.OuterArguments(RunStep(adapter, adapter.EntryFileName, [], hostWorkDir, limits, null, [], SlotUid(0)), null);
    }

    /// <inheritdoc />
    public async Task<RunResult> RunAsync(RunRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var batch = await RunBatchAsync(
            new BatchRequest(request.Language, request.Files, [new RunInput(request.Stdin, request.Args)], request.Limits),
            cancellationToken).ConfigureAwait(false);
        if (batch.Runs.Count == 1)
        {
            return batch.Runs[0] with { CompileOutput = batch.CompileOutput };
        }

        return new RunResult
        {
            RunId = batch.RunId,
            Status = batch.CompileOutput is not null && !batch.Compiled ? RunStatus.CompilationError : RunStatus.InternalError,
            CompileOutput = batch.CompileOutput,
            WallTimeMs = batch.CompileWallTimeMs,
        };
    }

    /// <inheritdoc />
    public async Task<BatchResult> RunBatchAsync(BatchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var adapter = Adapter(request.Language);
        var info = _languages[adapter.Id];
        if (!Sandbox.Available)
        {
            throw new JudgeUnavailableException("Sandbox unavailable: " + Sandbox.UnavailableReason);
        }

        if (!info.Available)
        {
            throw new JudgeUnavailableException($"Language '{adapter.Id}' unavailable: {info.UnavailableReason}");
        }

        var runLimits = _limits.Run(adapter, request.Limits);
        if (WorkDirectory.Validate(request.Files) is { } invalid)
        {
            throw new ArgumentException(invalid, nameof(request));
        }

        if (request.Inputs.Any(i => i.Stdin is { } stdin && Encoding.UTF8.GetByteCount(stdin) > WorkDirectory.MaxStdinBytes))
        {
            throw new ArgumentException($"Standard input is limited to {WorkDirectory.MaxStdinBytes / 1024 / 1024} MB.", nameof(request));
        }

        if (Interlocked.Increment(ref _admitted) > _admissionLimit)
        {
            Interlocked.Decrement(ref _admitted);
            throw new JudgeBusyException(_options.RetryAfter);
        }

        try
        {
            var slot = await _slots.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await ExecuteAsync(adapter, request, runLimits, slot, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _slots.Writer.TryWrite(slot);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _admitted);
        }
    }

    private async Task<BatchResult> ExecuteAsync(
        LanguageAdapter adapter, BatchRequest request, EffectiveLimits runLimits, int slot, CancellationToken cancellationToken)
    {
        var runId = Guid.CreateVersion7();
        var uid = SlotUid(slot);
        var entry = request.Files[0].Path;
        using var work = WorkDirectory.Create(_fs.Root, runId, uid);
        foreach (var file in request.Files)
        {
            work.Write(file.Path, file.Content);
        }

        foreach (var (path, content) in adapter.HelperFiles(entry, runLimits))
        {
            work.Write(path, content);
        }

        string? compileOutput = null;
        double compileMs = 0;
        var served = await _compileServers.CompileAsync(adapter, slot, request.Files, work, cancellationToken).ConfigureAwait(false);
        if (served is { } answer)
        {
            compileMs = answer.WallTimeMs;
            compileOutput = answer.Output;
            if (!answer.Compiled)
            {
                return new BatchResult(runId, false, compileOutput, compileMs, []);
            }
        }
        else if (adapter.Compile(entry, request.Files) is { } compile)
        {
            // Not through the slot's launcher: the artifact's page cache (dirty at first) would stay charged to the
            // launcher's memory group, and the runs' reclaim would stall on it instead of reaching the OOM killer.
            var compileLimits = _limits.Compile(adapter);
            var outcome = await _runner.RunAsync(new SandboxStep
            {
                Command = compile.Argv,
                Environment = compile.Environment,
                HostWorkDir = work.Path,
                WorkWritable = true,
                Limits = compileLimits,
                View = adapter.View,
                TmpMegabytes = adapter.CompileTmpMegabytes,
                HostUid = uid,
            }, cancellationToken).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            compileMs = outcome.WallTimeMs;
            compileOutput = CompileMessages.Capped(
                (Encoding.UTF8.GetString(outcome.Stdout) + Encoding.UTF8.GetString(outcome.Stderr)).Trim(),
                compileLimits.MaxOutputKilobytes * 1024);
            if (outcome.SandboxError is not null || outcome.Leaked)
            {
                _logger.LogError("Compile step failed in the sandbox: {Error}", outcome.SandboxError);
                var failure = new RunResult
                {
                    RunId = runId,
                    Status = RunStatus.InternalError,
                    Stderr = outcome.SandboxError ?? "A sandboxed process outlived its step.",
                    CompileOutput = compileOutput,
                };
                return new BatchResult(runId, false, compileOutput, compileMs, request.Inputs.Select(_ => failure).ToList());
            }

            if (outcome.ExitCode != 0 || outcome.Signal is not null)
            {
                var reason = outcome.WallTimeExceeded || outcome.CpuTimeExceeded ? CompileMessages.TimeLimitExceeded
                    : outcome.MemoryExceeded ? CompileMessages.MemoryLimitExceeded
                    : outcome.OutputExceeded && !compileOutput.EndsWith(CompileMessages.OutputLimitExceeded, StringComparison.Ordinal)
                        ? CompileMessages.OutputLimitExceeded
                    : outcome.Signal is { } s ? $"Compiler killed by signal {s}."
                    : null;
                compileOutput = reason is null ? compileOutput : (compileOutput + "\n" + reason).Trim();
                return new BatchResult(runId, false, compileOutput, compileMs, []);
            }
        }

        var runs = new List<RunResult>(request.Inputs.Count);
        foreach (var input in request.Inputs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var stdin = input.Stdin is null ? null : Encoding.UTF8.GetBytes(input.Stdin);
            var step = RunStep(adapter, entry, request.Files, work.Path, runLimits, stdin, input.Args ?? [], uid);
            var outcome = await _runner.RunAsync(step, cancellationToken, _launchers?[slot]).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            runs.Add(ToResult(adapter, runId, outcome));
        }

        return new BatchResult(runId, true, compileOutput, compileMs, runs);
    }

    private SandboxStep RunStep(
        LanguageAdapter adapter, string entry, IReadOnlyList<SourceFile> files, string hostWorkDir, EffectiveLimits limits, byte[]? stdin,
        IReadOnlyList<string> args, int? uid)
    {
        var command = adapter.Run(entry, files, args, limits);
        return new SandboxStep
        {
            Command = command.Argv,
            Environment = command.Environment,
            HostWorkDir = hostWorkDir,
            WorkWritable = false,
            Limits = limits,
            Stdin = stdin,
            AddressSpaceLimitAllowed = adapter.AllowsAddressSpaceLimit,
            View = adapter.View,
            TmpMegabytes = Math.Min(_options.TmpSizeMegabytes, Math.Max(1, limits.MemoryMegabytes)),
            HostUid = uid,
        };
    }

    private static RunResult ToResult(LanguageAdapter adapter, Guid runId, StepOutcome o)
    {
        var stderr = Encoding.UTF8.GetString(o.Stderr);
        var status =
            o.SandboxError is not null || o.Leaked ? RunStatus.InternalError
            : o.WallTimeExceeded || o.CpuTimeExceeded ? RunStatus.TimeLimitExceeded
            : o.OutputExceeded ? RunStatus.OutputLimitExceeded
            : o.MemoryExceeded || ((o.ExitCode != 0 || o.Signal is not null) && adapter.ReportsOutOfMemory(stderr)) ? RunStatus.MemoryLimitExceeded
            : o.Signal == 25 ? RunStatus.OutputLimitExceeded
            : o.ExitCode != 0 || o.Signal is not null ? RunStatus.RuntimeError
            : RunStatus.Accepted;
        return new RunResult
        {
            RunId = runId,
            Status = status,
            Stdout = Encoding.UTF8.GetString(o.Stdout),
            StdoutTruncated = o.StdoutTruncated,
            Stderr = o.SandboxError ?? (o.Leaked ? "internal: the sandbox's output stayed open after it ended.\n" + stderr : stderr),
            StderrTruncated = o.StderrTruncated,
            ExitCode = o.Signal is null ? o.ExitCode : null,
            Signal = o.Signal,
            CpuTimeMs = o.CpuTimeMs,
            WallTimeMs = o.WallTimeMs,
            PeakMemoryBytes = o.PeakMemoryBytes,
        };
    }

    private LanguageAdapter Adapter(string language)
    {
        if (language is null || !_adapters.TryGetValue(language, out var adapter))
        {
            throw new UnknownLanguageException(language ?? "", _adapters.Keys);
        }

        return adapter;
    }

    private int? SlotUid(int slot) => Native.IsRoot ? _uids[slot] : null;

    /// <summary>Stops the compile servers and the slots' step launchers, and lets go of the work file system.</summary>
    public void Dispose()
    {
        _compileServers.Dispose();

        foreach (var launcher in _launchers ?? [])
        {
            launcher.Dispose();
        }

        _fs.Dispose();
    }
}
