using Microsoft.Extensions.Logging;

namespace Compila.Judge.Sandbox;

/// <summary>The launcher of one judge slot: kept across the slot's steps, replaced when it is spent or broken.</summary>
internal sealed class LauncherSlot(Cgroups cgroups, int uid, string workRoot, ILogger logger) : IDisposable
{
    private StepLauncher? _current;

    /// <summary>The pid of the slot's launcher, if it has a usable one.</summary>
    public int? CurrentPid => _current is { Usable: true } current ? current.Pid : null;

    /// <summary>The slot's launcher, started if there is none usable; null when one cannot be started here.</summary>
    public async Task<StepLauncher?> GetAsync()
    {
        if (_current is { Usable: true })
        {
            return _current;
        }

        _current?.Dispose();
        _current = null;
        try
        {
            _current = await LauncherThread.RunAsync(() => StepLauncher.Start(cgroups, uid, workRoot, logger)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
        {
            logger.LogWarning("No step launcher for this slot ({Error}); steps join their cgroups themselves.", e.Message);
        }

        return _current;
    }

    public void Dispose()
    {
        _current?.Dispose();
        _current = null;
    }
}
