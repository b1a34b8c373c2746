using System.Runtime.InteropServices;

namespace Compila.Judge.Sandbox;

/// <summary>The few libc calls .NET does not expose.</summary>
internal static partial class Native
{
    public const int SigKill = 9;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int KillNative(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "lchown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int LchownNative(string path, int owner, int group);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEuidNative();

    public static bool IsRoot => GetEuidNative() == 0;

    public static void Kill(int pid, int signal) => _ = KillNative(pid, signal);

    /// <summary>Changes the owner of a path without following a link at it.</summary>
    public static void Lchown(string path, int uid, int gid)
    {
        if (LchownNative(path, uid, gid) != 0)
        {
            throw new IOException($"lchown {path} failed (errno {Marshal.GetLastPInvokeError()}).");
        }
    }
}
