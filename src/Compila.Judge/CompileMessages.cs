using System.Text;

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

    /// <summary>The compiler's messages were cut at the compile output cap.</summary>
    public const string OutputLimitExceeded = "Saída do compilador truncada no limite. (Compiler output exceeded its limit (truncated above).)";

    // Room kept under the cap for the notes above, so the whole compile output stays within it.
    private const int NotesBytes = 512;

    /// <summary>
    /// The compiler's output cut (on a character boundary) so that it and the judge's notes fit in
    /// <paramref name="capBytes"/> UTF-8 bytes, with <see cref="OutputLimitExceeded"/> after it when it was cut.
    /// </summary>
    public static string Capped(string output, int capBytes)
    {
        if (Encoding.UTF8.GetByteCount(output) <= capBytes - NotesBytes)
        {
            return output;
        }

        var bytes = Encoding.UTF8.GetBytes(output);
        var cut = Math.Max(0, capBytes - NotesBytes);
        while (cut > 0 && (bytes[cut] & 0xC0) == 0x80)
        {
            cut--;
        }

        return Encoding.UTF8.GetString(bytes, 0, cut) + "\n" + OutputLimitExceeded;
    }
}
