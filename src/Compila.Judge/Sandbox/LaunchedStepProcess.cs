using System.IO.Pipes;

namespace Compila.Judge.Sandbox;

/// <summary>A step forked by a slot's <see cref="StepLauncher"/>, its standard streams on FIFOs the host made.</summary>
internal sealed class LaunchedStepProcess(string[] fifos, Microsoft.Win32.SafeHandles.SafePipeHandle stdinHold, PipeStream stdout, PipeStream stderr)
    : IStepProcess
{
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Stream _stdin = Stream.Null;
    private int _pid;

    public Task Started => _started.Task;
    public Stream Stdin => _stdin;
    public Stream Stdout => stdout;
    public Stream Stderr => stderr;
    public Task<int> Exit { get; set; } = Task.FromResult(StepLauncher.NotStarted);

    /// <summary>
    /// The chain holds its ends now. The host's stdin becomes write-only (so a program that exits unread breaks
    /// the pipe instead of leaving the host writing to itself), and the FIFOs' names go.
    /// </summary>
    public void Connect(int pid)
    {
        Volatile.Write(ref _pid, pid);
        try
        {
            _stdin = new AnonymousPipeClientStream(PipeDirection.Out, Native.OpenFifo(fifos[0], Native.OpenWriteOnly | Native.OpenNonBlocking));
        }
        finally
        {
            stdinHold.Dispose();
            DeleteFifos(fifos);
        }

        _started.TrySetResult();
    }

    /// <summary>Nothing holds the other ends: the host's reads end at once and its stdin is empty.</summary>
    public void DidNotStart()
    {
        stdinHold.Dispose();
        DeleteFifos(fifos);
        _started.TrySetResult();
    }

    public void Kill()
    {
        // Until the launcher has answered the status it has not reaped the chain, so the pid is still the chain's.
        // Before the pid is known, the step's processes are reached through the cgroup instead.
        if (Volatile.Read(ref _pid) is > 0 and var pid && !Exit.IsCompleted)
        {
            Native.Kill(pid, Native.SigKill);
        }
    }

    public void Dispose()
    {
        stdinHold.Dispose();
        _stdin.Dispose();
        stdout.Dispose();
        stderr.Dispose();
    }

    public static void DeleteFifos(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The launcher's folder goes with it anyway.
            }
        }
    }
}
