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

    [LibraryImport("libc", EntryPoint = "mkfifo", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int MkfifoNative(string path, uint mode);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int OpenNative(string path, int flags);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEuidNative();

    [LibraryImport("libc", EntryPoint = "mount", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int MountNative(string source, string target, string? type, ulong flags, string? data);

    [LibraryImport("libc", EntryPoint = "umount2", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Umount2Native(string target, int flags);

    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static partial int FcntlNative(int fd, int command, int argument);

    private const int GetDescriptorFlags = 1; // F_GETFD
    private const int SetDescriptorFlags = 2; // F_SETFD
    private const int CloseOnExec = 1; // FD_CLOEXEC

    public const int OpenReadOnly = 0x0; // O_RDONLY
    public const int OpenWriteOnly = 0x1; // O_WRONLY
    public const int OpenReadWrite = 0x2; // O_RDWR
    public const int OpenNonBlocking = 0x800; // O_NONBLOCK
    private const int OpenNoFollow = 0x20000; // O_NOFOLLOW
    private const int OpenCloseOnExec = 0x80000; // O_CLOEXEC

    public const ulong MountNoSuid = 0x2; // MS_NOSUID
    public const ulong MountNoDev = 0x4; // MS_NODEV
    public const ulong MountRemount = 0x20; // MS_REMOUNT
    private const int UnmountDetach = 0x2; // MNT_DETACH

    public static bool IsRoot => GetEuidNative() == 0;

    /// <summary>mount(2); throws with the errno on failure.</summary>
    public static void Mount(string source, string target, string? type, ulong flags, string? data)
    {
        if (MountNative(source, target, type, flags, data) != 0)
        {
            throw new IOException($"mount {type} at {target} failed (errno {Marshal.GetLastPInvokeError()}).");
        }
    }

    /// <summary>Detaches the mount at <paramref name="target"/> (lazily: sandboxes still using it keep it until they end); false if it was none.</summary>
    public static bool Unmount(string target) => Umount2Native(target, UnmountDetach) == 0;

    /// <summary>Creates a FIFO (named pipe) with the given permission bits.</summary>
    public static void MakeFifo(string path, UnixFileMode mode)
    {
        if (MkfifoNative(path, (uint)mode) != 0)
        {
            throw new IOException($"mkfifo {path} failed (errno {Marshal.GetLastPInvokeError()}).");
        }
    }

    /// <summary>
    /// Opens a FIFO as a pipe handle (close-on-exec, never through a link), with flags .NET's file APIs cannot pass:
    /// O_NONBLOCK, or O_RDWR, which on Linux opens a FIFO without waiting for the other side.
    /// </summary>
    public static Microsoft.Win32.SafeHandles.SafePipeHandle OpenFifo(string path, int flags)
    {
        var fd = OpenNative(path, flags | OpenNoFollow | OpenCloseOnExec);
        if (fd < 0)
        {
            throw new IOException($"open {path} failed (errno {Marshal.GetLastPInvokeError()}).");
        }

        return new Microsoft.Win32.SafeHandles.SafePipeHandle(fd, ownsHandle: true);
    }

    /// <summary>
    /// Marks every open descriptor above stderr close-on-exec. .NET opens its own that way, but descriptors this
    /// process inherited (a test runner's pipes, a supervisor's sockets) would otherwise pass through bubblewrap into
    /// the sandbox.
    /// </summary>
    public static void CloseInheritedDescriptorsOnExec()
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
        {
            if (int.TryParse(Path.GetFileName(entry), out var fd) && fd > 2)
            {
                var flags = FcntlNative(fd, GetDescriptorFlags, 0);
                if (flags >= 0 && (flags & CloseOnExec) == 0)
                {
                    _ = FcntlNative(fd, SetDescriptorFlags, flags | CloseOnExec);
                }
            }
        }
    }

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
