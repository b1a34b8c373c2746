namespace Compila.Judge.Sandbox;

/// <summary>POSIX shell quoting.</summary>
internal static class ShellQuoting
{
    /// <summary>One word, single-quoted: nothing inside is expanded.</summary>
    public static string Quote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
