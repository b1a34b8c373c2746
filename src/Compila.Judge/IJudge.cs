namespace Compila.Judge;

/// <summary>
/// Runs untrusted code in a sandbox. The only way the rest of compila.dev executes learner code.
/// </summary>
public interface IJudge
{
    /// <summary>Whether the sandbox works on this machine, and why not when it does not.</summary>
    SandboxStatus Sandbox { get; }

    /// <summary>Every known language with its version and whether it can run here.</summary>
    IReadOnlyList<LanguageInfo> Languages { get; }

    /// <summary>Compiles (when the language needs it) and runs once.</summary>
    /// <exception cref="UnknownLanguageException">The language id is not one of <see cref="Languages"/>.</exception>
    /// <exception cref="JudgeUnavailableException">The sandbox or the language runtime is unavailable.</exception>
    /// <exception cref="JudgeBusyException">The bounded queue is full; retry later.</exception>
    Task<RunResult> RunAsync(RunRequest request, CancellationToken cancellationToken = default);

    /// <summary>Compiles once and runs the artifact against every input, in order.</summary>
    /// <exception cref="UnknownLanguageException">The language id is not one of <see cref="Languages"/>.</exception>
    /// <exception cref="JudgeUnavailableException">The sandbox or the language runtime is unavailable.</exception>
    /// <exception cref="JudgeBusyException">The bounded queue is full; retry later.</exception>
    Task<BatchResult> RunBatchAsync(BatchRequest request, CancellationToken cancellationToken = default);
}
