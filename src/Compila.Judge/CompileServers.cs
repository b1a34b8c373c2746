using System.Text.Json.Nodes;
using Compila.Judge.Languages;
using Compila.Judge.Sandbox;
using Microsoft.Extensions.Logging;

namespace Compila.Judge;

/// <summary>
/// The compile servers of the languages that have one. One per language and slot: a compile bomb holds up only its
/// own slot, whose request it is anyway.
/// </summary>
internal sealed class CompileServers : IDisposable
{
    private readonly Dictionary<string, (SandboxedServer[] BySlot, string OutputFile)> _servers = new(StringComparer.OrdinalIgnoreCase);
    private readonly LanguageLimits _limits;
    private readonly string _workRoot;

    /// <param name="adapters">The languages to serve (those without a compile server are skipped).</param>
    /// <param name="runner">Runs the servers' sandboxes.</param>
    /// <param name="limits">The languages' compile limits, which the servers' sandboxes and requests get.</param>
    /// <param name="uidBySlot">The host uid of each slot's servers (null keeps the caller's); one server per slot.</param>
    /// <param name="workRoot">Where each server's home folder is made (the judge's file system).</param>
    /// <param name="logger">Where the servers report.</param>
    public CompileServers(
        IEnumerable<LanguageAdapter> adapters, BubblewrapRunner runner, LanguageLimits limits, IReadOnlyList<int?> uidBySlot,
        string workRoot, ILogger logger)
    {
        _limits = limits;
        _workRoot = workRoot;
        foreach (var adapter in adapters)
        {
            if (adapter.CompileServer(limits.Compile(adapter)) is { } spec)
            {
                var bySlot = Enumerable.Range(0, uidBySlot.Count)
                    .Select(slot => new SandboxedServer(runner, () => ServerStep(adapter, uidBySlot[slot]), logger))
                    .ToArray();
                _servers[adapter.Id] = (bySlot, spec.OutputFile);
            }
        }
    }

    /// <summary>How a compile on a server ended.</summary>
    public sealed record ServedCompile(bool Compiled, string? Output, double WallTimeMs);

    /// <summary>How many of a language's compile servers have a process up (one per slot at most).</summary>
    public int Up(string language) =>
        _servers.TryGetValue(language, out var servers) ? servers.BySlot.Count(s => s.ProcessId is not null) : 0;

    /// <summary>
    /// Compiles on the slot's server of the language and writes the assembly into the run's folder; null when the
    /// language has no server or the server cannot answer (not started, or it died without an answer), and the
    /// compile step runs instead.
    /// </summary>
    public async Task<ServedCompile?> CompileAsync(
        LanguageAdapter adapter, int slot, IReadOnlyList<SourceFile> files, WorkDirectory work, CancellationToken cancellationToken)
    {
        if (!_servers.TryGetValue(adapter.Id, out var server))
        {
            return null;
        }

        var request = new JsonObject
        {
            ["files"] = new JsonArray(files
                .Select(f => (JsonNode)new JsonObject { ["path"] = f.Path, ["content"] = f.Content })
                .ToArray()),
        }.ToJsonString();
        var answer = await server.BySlot[slot].AskAsync(request, _limits.Compile(adapter), cancellationToken).ConfigureAwait(false);
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

        var reply = JsonNode.Parse(answer.Line!)!;
        // The server's answer is one line however long; its diagnostics get the compile output cap here.
        var diagnostics = CompileMessages.Capped(reply["diagnostics"]?.GetValue<string>() ?? "", _limits.Compile(adapter).MaxOutputKilobytes * 1024);
        if (reply["ok"]?.GetValue<bool>() != true)
        {
            return new ServedCompile(false, diagnostics, answer.WallTimeMs);
        }

        work.Write(server.OutputFile, Convert.FromBase64String(reply["assembly"]!.GetValue<string>()));
        return new ServedCompile(true, diagnostics, answer.WallTimeMs);
    }

    public void Dispose()
    {
        foreach (var server in _servers.Values.SelectMany(s => s.BySlot))
        {
            server.Dispose();
        }
    }

    /// <summary>A slot's compile server sandbox: the compile limits for memory and processes, none for its lifetime.</summary>
    private (SandboxStep, IDisposable) ServerStep(LanguageAdapter adapter, int? uid)
    {
        var limits = _limits.Compile(adapter);
        var spec = adapter.CompileServer(limits)!;
        var home = WorkDirectory.Create(_workRoot, Guid.NewGuid(), uid);
        var step = new SandboxStep
        {
            Command = spec.Command,
            Environment = spec.Environment,
            HostWorkDir = home.Path,
            Limits = limits with { CpuTimeSeconds = 1_000_000, WallTimeSeconds = 1_000_000 },
            View = spec.View,
            TmpMegabytes = adapter.CompileTmpMegabytes,
            HostUid = uid,
        };
        return (step, home);
    }
}
