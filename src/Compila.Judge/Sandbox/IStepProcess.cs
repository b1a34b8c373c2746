namespace Compila.Judge.Sandbox;

/// <summary>The started process chain of one step: its three standard streams, its exit and a way to kill it.</summary>
internal interface IStepProcess : IDisposable
{
    /// <summary>Completes when the streams below are connected to the chain (or known never to be).</summary>
    Task Started { get; }

    Stream Stdin { get; }
    Stream Stdout { get; }
    Stream Stderr { get; }

    /// <summary>The chain's exit status: its exit code, or 128 + the signal that killed it.</summary>
    Task<int> Exit { get; }

    /// <summary>Kills the chain's first process (bubblewrap, after the execs): the sandbox goes with it.</summary>
    void Kill();
}
