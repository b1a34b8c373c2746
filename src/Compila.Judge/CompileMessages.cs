namespace Compila.Judge;

/// <summary>
/// What the judge appends to <see cref="BatchResult.CompileOutput"/> when it stopped a compile: pt-BR for the learner,
/// followed by the English text that clients and logs matched before.
/// </summary>
internal static class CompileMessages
{
    /// <summary>The compile ran past its CPU or wall time limit and was killed.</summary>
    public const string TimeLimitExceeded = "Tempo limite de compilação excedido. (Compilation exceeded its time limit.)";

    /// <summary>The compile ran out of its memory limit and was killed.</summary>
    public const string MemoryLimitExceeded = "Limite de memória da compilação excedido. (Compilation exceeded its memory limit.)";
}
