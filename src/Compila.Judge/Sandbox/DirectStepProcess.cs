using System.Diagnostics;

namespace Compila.Judge.Sandbox;

/// <summary>A step started directly by the host (no slot launcher).</summary>
internal sealed class DirectStepProcess(Process process) : IStepProcess
{
    public Task Started => Task.CompletedTask;
    public Stream Stdin => process.StandardInput.BaseStream;
    public Stream Stdout => process.StandardOutput.BaseStream;
    public Stream Stderr => process.StandardError.BaseStream;

    public Task<int> Exit { get; } = WaitAsync(process);

    public void Kill()
    {
        try
        {
            process.Kill();
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    public void Dispose() => process.Dispose();

    private static async Task<int> WaitAsync(Process process)
    {
        await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        return process.ExitCode;
    }
}
