using System.Text;

namespace Compila.Judge.Sandbox;

/// <summary>The start-up check of the sandbox: its tools are installed and bubblewrap starts a sandbox that runs.</summary>
internal static class SandboxProbe
{
    /// <param name="runner">The judge's runner, as configured.</param>
    /// <param name="fileSystem">Where the probe's work folder is made and what it binds from.</param>
    /// <param name="uids">The host uids the judge claimed (for the description).</param>
    /// <param name="probeUid">The host uid the probe's step runs as (null keeps the caller's).</param>
    public static SandboxStatus Run(BubblewrapRunner runner, WorkFileSystem fileSystem, int[] uids, int? probeUid)
    {
        var bwrapPath = runner.Command.BwrapPath;
        var description = $"bubblewrap ({bwrapPath}), {runner.Cgroups.Describe()}"
            + (runner.Command.Seccomp ? ", seccomp filter" : "")
            + (Native.IsRoot ? $", per-slot host uids {string.Join(',', uids)} with RLIMIT_NPROC" : ", caller's uid")
            + ", " + fileSystem.Description;
        if (!File.Exists(bwrapPath))
        {
            return new SandboxStatus(false, description, $"{bwrapPath} not found: install the bubblewrap package.");
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
            var view = RuntimeViewBuilder.Base(fileSystem).Executable("/usr/bin/true").Build();
            using var work = WorkDirectory.Create(fileSystem.Root, Guid.NewGuid(), probeUid);
            var outcome = runner.RunAsync(new SandboxStep
            {
                Command = ["/usr/bin/true"],
                View = view,
                HostWorkDir = work.Path,
                Limits = new EffectiveLimits(5, 10, 64, 16, 1024, 64, 64),
                HostUid = probeUid,
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
}
