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
    // One compile server per language and slot: a compile bomb holds up only its own slot, whose request it is anyway.
    private readonly Dictionary<string, (SandboxedServer[] BySlot, string OutputFile)> _compileServers = new(StringComparer.OrdinalIgnoreCase);
    private int _admitted;

    public BubblewrapJudge(IOptions<JudgeOptions> options, ILogger<BubblewrapJudge>? logger = null)
    {
        _options = options.Value;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
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

        var cgroups = Cgroups.Probe(_options.CgroupRoot, _options.UseCgroups && Native.IsRoot, pids: _options.UsePidsCgroup || !Native.IsRoot);
        cgroups.SweepStale(TimeSpan.FromMinutes(10));
        _runner = new BubblewrapRunner(new BubblewrapCommand(_options.BubblewrapPath, cgroups, _options.UseSeccomp ? SeccompFile() : null), _logger);
        Sandbox = ProbeSandbox();
        // Launchers run as their slot's uid, which only a root host has.
        if (_options.UseStepLaunchers && cgroups.Any && Sandbox.Available && Native.IsRoot)
        {
            _launchers = Enumerable.Range(0, PoolSize).Select(slot => new LauncherSlot(cgroups, _uids[slot], _options.WorkRoot, _logger)).ToArray();
        }

        WorkDirectory.SweepStale(_options.WorkRoot);

        var tools = new JudgeTools(FindToolsDirectory(_options.ToolsDirectory), _options.WorkRoot);
        LanguageAdapter[] all = [new Python(), new JavaScript(), new TypeScript(), new Java(), new Go(), new CSharp()];
        _adapters = all.ToDictionary(a => a.Id, StringComparer.OrdinalIgnoreCase);
        var probes = all.AsParallel().Select(a => (Adapter: a, Reason: ProbeLanguage(a, tools))).ToList();
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
        if (_options.UseCompileServers)
        {
            foreach (var adapter in all.Where(a => _languages[a.Id].Available))
            {
                if (adapter.CompileServer(CompileLimitsFor(adapter)) is { } spec)
                {
                    var bySlot = Enumerable.Range(0, PoolSize)
                        .Select(slot => new SandboxedServer(_runner, () => CompileServerStep(adapter, slot), _logger))
                        .ToArray();
                    _compileServers[adapter.Id] = (bySlot, spec.OutputFile);
                }
            }
        }

        foreach (var language in Languages.Where(l => !l.Available))
        {
            _logger.LogWarning("Language {Language} unavailable: {Reason}", language.Id, language.UnavailableReason);
        }
    }

    /// <inheritdoc />
    public SandboxStatus Sandbox { get; }

    /// <inheritdoc />
    public IReadOnlyList<LanguageInfo> Languages { get; }

    /// <summary>The pid of each slot's step launcher (null: none yet); empty when steps are started directly.</summary>
    internal IReadOnlyList<int?> LauncherPids => _launchers?.Select(l => l.CurrentPid).ToList() ?? [];

    /// <summary>How many of a language's compile servers have a process up (one per slot at most).</summary>
    internal int CompileServersUp(string language) =>
        _compileServers.TryGetValue(language, out var servers) ? servers.BySlot.Count(s => s.ProcessId is not null) : 0;

    /// <summary>Runs executing at once.</summary>
    public int PoolSize { get; }

    /// <summary>The bubblewrap argv of the run step of a language, as configured here (for docs and diagnostics).</summary>
    public IReadOnlyList<string> DescribeRunCommand(string language, string hostWorkDir)
    {
        var adapter = Adapter(language);
        var limits = RunLimitsFor(adapter, null);
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

        var runLimits = RunLimitsFor(adapter, request.Limits);
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
        using var work = WorkDirectory.Create(_options.WorkRoot, runId, uid);
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
        var served = _compileServers.TryGetValue(adapter.Id, out var server)
            ? await CompileOnServerAsync(server.BySlot[slot], server.OutputFile, adapter, request.Files, work, cancellationToken).ConfigureAwait(false)
            : null;
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
            var compileLimits = CompileLimitsFor(adapter);
            var outcome = await _runner.RunAsync(new SandboxStep
            {
                Command = compile.Argv,
                Environment = compile.Environment,
                HostWorkDir = work.Path,
                WorkWritable = true,
                Limits = compileLimits,
                Binds = adapter.Binds,
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
            Binds = adapter.Binds,
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

    private LanguageOptions? LanguageSettings(LanguageAdapter adapter) =>
        _options.Languages.TryGetValue(adapter.Id, out var settings) ? settings : null;

    private EffectiveLimits RunLimitsFor(LanguageAdapter adapter, RunLimits? requested)
    {
        var settings = LanguageSettings(adapter);
        var defaults = EffectiveLimits.Merge(_options.RunDefaults, settings?.RunDefaults, adapter.RunDefaults);
        var maxima = EffectiveLimits.Merge(_options.RunMaxima, settings?.RunMaxima, null);
        return EffectiveLimits.Resolve(defaults, maxima, requested);
    }

    private int? SlotUid(int slot) => Native.IsRoot ? _uids[slot] : null;

    private EffectiveLimits CompileLimitsFor(LanguageAdapter adapter) =>
        EffectiveLimits.From(EffectiveLimits.Merge(_options.CompileLimits, LanguageSettings(adapter)?.CompileLimits, null));

    /// <summary>A slot's compile server sandbox: the compile limits for memory and processes, none for its lifetime.</summary>
    private (SandboxStep, IDisposable) CompileServerStep(LanguageAdapter adapter, int slot)
    {
        var limits = CompileLimitsFor(adapter);
        var spec = adapter.CompileServer(limits)!;
        var uid = Native.IsRoot ? _uids[PoolSize + 1 + slot] : (int?)null;
        var home = WorkDirectory.Create(_options.WorkRoot, Guid.NewGuid(), uid);
        var step = new SandboxStep
        {
            Command = spec.Command,
            Environment = spec.Environment,
            HostWorkDir = home.Path,
            Limits = limits with { CpuTimeSeconds = 1_000_000, WallTimeSeconds = 1_000_000 },
            Binds = spec.Binds,
            TmpMegabytes = adapter.CompileTmpMegabytes,
            HostUid = uid,
        };
        return (step, home);
    }

    private sealed record ServedCompile(bool Compiled, string? Output, double WallTimeMs);

    /// <summary>
    /// Compiles on the language's compile server and writes the assembly into the run's folder; null when the server
    /// cannot answer (not started, or it died without an answer), and the compile step runs instead.
    /// </summary>
    private async Task<ServedCompile?> CompileOnServerAsync(
        SandboxedServer server, string outputFile, LanguageAdapter adapter, IReadOnlyList<SourceFile> files, WorkDirectory work,
        CancellationToken cancellationToken)
    {
        var request = new System.Text.Json.Nodes.JsonObject
        {
            ["files"] = new System.Text.Json.Nodes.JsonArray(files
                .Select(f => (System.Text.Json.Nodes.JsonNode)new System.Text.Json.Nodes.JsonObject { ["path"] = f.Path, ["content"] = f.Content })
                .ToArray()),
        }.ToJsonString();
        var answer = await server.AskAsync(request, CompileLimitsFor(adapter), cancellationToken).ConfigureAwait(false);
        switch (answer.Kind)
        {
            case ServerAnswerKind.TimeLimitExceeded:
                return new ServedCompile(false, CompileMessages.TimeLimitExceeded, answer.WallTimeMs);
            case ServerAnswerKind.MemoryLimitExceeded:
                return new ServedCompile(false, CompileMessages.MemoryLimitExceeded, answer.WallTimeMs);
            case ServerAnswerKind.Answered:
                break;
            default:
                return null;
        }

        var reply = System.Text.Json.Nodes.JsonNode.Parse(answer.Line!)!;
        // The server's answer is one line however long; its diagnostics get the compile output cap here.
        var diagnostics = CompileMessages.Capped(reply["diagnostics"]?.GetValue<string>() ?? "", CompileLimitsFor(adapter).MaxOutputKilobytes * 1024);
        if (reply["ok"]?.GetValue<bool>() != true)
        {
            return new ServedCompile(false, diagnostics, answer.WallTimeMs);
        }

        work.Write(outputFile, Convert.FromBase64String(reply["assembly"]!.GetValue<string>()));
        return new ServedCompile(true, diagnostics, answer.WallTimeMs);
    }

    /// <summary>Stops the compile servers and the slots' step launchers.</summary>
    public void Dispose()
    {
        foreach (var server in _compileServers.Values.SelectMany(s => s.BySlot))
        {
            server.Dispose();
        }

        foreach (var launcher in _launchers ?? [])
        {
            launcher.Dispose();
        }
    }

    private string? ProbeLanguage(LanguageAdapter adapter, JudgeTools tools)
    {
        if (LanguageSettings(adapter) is { Enabled: false })
        {
            return "Disabled by configuration.";
        }

        try
        {
            if (adapter.Probe(tools) is { } reason)
            {
                return reason;
            }

            foreach (var bind in adapter.Binds)
            {
                if (Native.IsRoot && !HostPaths.TraversableByOthers(bind.Source))
                {
                    return $"{bind.Source} is not reachable by the sandbox user (a parent folder is private).";
                }
            }

            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return e.Message;
        }
    }

    /// <summary>The seccomp program, written once per content into the work root's cache (null off x86-64).</summary>
    private string? SeccompFile()
    {
        if (SeccompFilter.Build() is not { } program)
        {
            return null;
        }

        var cache = Path.Combine(_options.WorkRoot, "cache");
        var path = Path.Combine(cache, $"seccomp-{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(program))[..16]}.bpf");
        if (!File.Exists(path))
        {
            const UnixFileMode open = (UnixFileMode)0b111_101_101;
            Directory.CreateDirectory(cache, open);
            var scratch = path + "." + Guid.NewGuid().ToString("N");
            File.WriteAllBytes(scratch, program);
            File.Move(scratch, path, overwrite: true);
        }

        return path;
    }

    private SandboxStatus ProbeSandbox()
    {
        var description = $"bubblewrap ({_options.BubblewrapPath}), {_runner.Cgroups.Describe()}"
            + (_runner.Command.Seccomp ? ", seccomp filter" : "")
            + (Native.IsRoot ? $", per-slot host uids {string.Join(',', _uids)} with RLIMIT_NPROC" : ", caller's uid");
        if (!File.Exists(_options.BubblewrapPath))
        {
            return new SandboxStatus(false, description, $"{_options.BubblewrapPath} not found: install the bubblewrap package.");
        }

        foreach (var tool in new[] { BubblewrapCommand.Shell, "/usr/bin/setpriv", BubblewrapCommand.InitPath, "/usr/bin/true" })
        {
            if (!File.Exists(tool))
            {
                return new SandboxStatus(false, description, $"{tool} not found.");
            }
        }

        try
        {
            using var work = WorkDirectory.Create(_options.WorkRoot, Guid.NewGuid(), SlotUid(PoolSize));
            var outcome = _runner.RunAsync(new SandboxStep
            {
                Command = ["/usr/bin/true"],
                HostWorkDir = work.Path,
                Limits = new EffectiveLimits(5, 10, 64, 16, 1024, 64, 64),
                HostUid = SlotUid(PoolSize),
            }, CancellationToken.None).GetAwaiter().GetResult();
            if (outcome.ExitCode != 0 || outcome.Signal is not null)
            {
                var error = (outcome.SandboxError ?? Encoding.UTF8.GetString(outcome.Stderr)).Trim();
                return new SandboxStatus(false, description,
                    $"bubblewrap failed to start a sandbox (exit {outcome.ExitCode}): {error}");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
        {
            return new SandboxStatus(false, description, "bubblewrap could not be started: " + e.Message);
        }

        return new SandboxStatus(true, description, null);
    }

    private static string? FindToolsDirectory(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tools", "judge");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
