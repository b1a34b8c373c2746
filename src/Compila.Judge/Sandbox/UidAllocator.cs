namespace Compila.Judge.Sandbox;

/// <summary>
/// Hands out host uids for sandboxes, unique across every process on the machine (several judges, test runs and
/// hosts may run at once): each uid is claimed with an exclusive lock on a file, held while the process lives.
/// A uid used by one slot only makes RLIMIT_NPROC count exactly that slot's processes.
/// </summary>
internal static class UidAllocator
{
    private const int Range = 4096;
    private static readonly Lock Gate = new();
    private static readonly List<FileStream> Held = [];

    public static string LockDirectory { get; } = Path.Combine(Path.GetTempPath(), "compila-judge-uids");

    /// <summary>Claims <paramref name="count"/> free uids at or above <paramref name="first"/>.</summary>
    public static int[] Claim(int first, int count)
    {
        lock (Gate)
        {
            Directory.CreateDirectory(LockDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var claimed = new List<int>(count);
            for (var uid = first; uid < first + Range && claimed.Count < count; uid++)
            {
                try
                {
                    // FileShare.None takes an exclusive flock on Unix: a second process (or handle) is refused.
                    Held.Add(new FileStream(Path.Combine(LockDirectory, $"{uid}.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
                    claimed.Add(uid);
                }
                catch (IOException)
                {
                    // Held by another judge.
                }
            }

            if (claimed.Count < count)
            {
                throw new IOException($"No free sandbox uids in {first}..{first + Range - 1}.");
            }

            return [.. claimed];
        }
    }
}
