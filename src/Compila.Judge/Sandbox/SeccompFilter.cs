using System.Runtime.InteropServices;

namespace Compila.Judge.Sandbox;

/// <summary>
/// A classic-BPF seccomp program that bubblewrap installs right before it execs the step's command
/// (<c>--seccomp 3</c>). Namespaces, dropped capabilities and an unprivileged uid already stop mounts, modules and
/// the like; this closes kernel interfaces that stay reachable without privileges and that no judged program needs:
/// io_uring, keyrings, ptrace and cross-process memory access, perf events, bpf, userfaultfd, handle-based opens and
/// the new mount API. Denied calls fail with EPERM (io_uring and clone3 with ENOSYS, so runtimes and glibc fall back
/// to what they use without them). A call from another ABI (32-bit int 0x80, x32) kills the process: the numbers
/// below are x86-64 ones. Other architectures get no filter (<see cref="Build"/> returns null).
/// </summary>
internal static class SeccompFilter
{
    private const uint AuditArchX8664 = 0xC000003E;
    private const uint X32SyscallBit = 0x40000000;
    private const uint RetKillProcess = 0x80000000;
    private const uint RetAllow = 0x7FFF0000;
    private const uint RetErrno = 0x00050000;
    private const uint Eperm = 1;
    private const uint Enosys = 38;

    // BPF opcodes: BPF_LD|BPF_W|BPF_ABS, BPF_JMP|BPF_JEQ|BPF_K, BPF_JMP|BPF_JGE|BPF_K, BPF_RET|BPF_K.
    private const ushort LoadWord = 0x20;
    private const ushort JumpEqual = 0x15;
    private const ushort JumpGreaterOrEqual = 0x35;
    private const ushort Return = 0x06;

    /// <summary>x86-64 syscalls refused with EPERM.</summary>
    public static readonly IReadOnlyDictionary<string, uint> Denied = new Dictionary<string, uint>
    {
        ["ptrace"] = 101,
        ["process_vm_readv"] = 310,
        ["process_vm_writev"] = 311,
        ["kcmp"] = 312,
        ["add_key"] = 248,
        ["request_key"] = 249,
        ["keyctl"] = 250,
        ["perf_event_open"] = 298,
        ["bpf"] = 321,
        ["userfaultfd"] = 323,
        ["name_to_handle_at"] = 303,
        ["open_by_handle_at"] = 304,
        ["unshare"] = 272,
        ["setns"] = 308,
        ["mount"] = 165,
        ["umount2"] = 166,
        ["pivot_root"] = 155,
        ["open_tree"] = 428,
        ["move_mount"] = 429,
        ["fsopen"] = 430,
        ["fsconfig"] = 431,
        ["fsmount"] = 432,
        ["fspick"] = 433,
        ["mount_setattr"] = 442,
        ["syslog"] = 103,
        ["acct"] = 163,
        ["swapon"] = 167,
        ["swapoff"] = 168,
        ["reboot"] = 169,
        ["kexec_load"] = 246,
        ["kexec_file_load"] = 320,
        ["init_module"] = 175,
        ["finit_module"] = 313,
        ["delete_module"] = 176,
        ["quotactl"] = 179,
        ["uselib"] = 134,
    };

    /// <summary>x86-64 syscalls answered with ENOSYS, as if the kernel had none.</summary>
    public static readonly IReadOnlyDictionary<string, uint> Missing = new Dictionary<string, uint>
    {
        ["io_uring_setup"] = 425,
        ["io_uring_enter"] = 426,
        ["io_uring_register"] = 427,
        // clone3 passes its flags in memory, out of a filter's reach; glibc falls back to clone.
        ["clone3"] = 435,
    };

    /// <summary>The program as bubblewrap reads it (struct sock_filter, little-endian), or null off x86-64.</summary>
    public static byte[]? Build()
    {
        if (RuntimeInformation.ProcessArchitecture != Architecture.X64)
        {
            return null;
        }

        var program = new List<(ushort Code, byte True, byte False, uint K)>
        {
            (LoadWord, 0, 0, 4), // seccomp_data.arch
            (JumpEqual, 1, 0, AuditArchX8664),
            (Return, 0, 0, RetKillProcess),
            (LoadWord, 0, 0, 0), // seccomp_data.nr
            (JumpGreaterOrEqual, 0, 1, X32SyscallBit),
            (Return, 0, 0, RetKillProcess),
        };
        var denied = Denied.Values.Order().ToList();
        var missing = Missing.Values.Order().ToList();
        // After the comparisons: [allow], [errno EPERM], [errno ENOSYS]. A match jumps forward to its return.
        var comparisons = denied.Count + missing.Count;
        for (var i = 0; i < denied.Count; i++)
        {
            program.Add((JumpEqual, (byte)(comparisons - i), 0, denied[i]));
        }

        for (var i = 0; i < missing.Count; i++)
        {
            program.Add((JumpEqual, (byte)(missing.Count - i + 1), 0, missing[i]));
        }

        program.Add((Return, 0, 0, RetAllow));
        program.Add((Return, 0, 0, RetErrno | Eperm));
        program.Add((Return, 0, 0, RetErrno | Enosys));

        var bytes = new byte[program.Count * 8];
        for (var i = 0; i < program.Count; i++)
        {
            var (code, jt, jf, k) = program[i];
            BitConverter.TryWriteBytes(bytes.AsSpan(i * 8), code);
            bytes[(i * 8) + 2] = jt;
            bytes[(i * 8) + 3] = jf;
            BitConverter.TryWriteBytes(bytes.AsSpan((i * 8) + 4), k);
        }

        return bytes;
    }

    /// <summary>The seccomp program, written once per content into the work root's cache (null off x86-64).</summary>
    public static string? CachedFile(string workRoot)
    {
        if (Build() is not { } program)
        {
            return null;
        }

        var cache = Path.Combine(workRoot, "cache");
        var path = Path.Combine(cache, $"seccomp-{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(program))[..16]}.bpf");
        if (!File.Exists(path))
        {
            const UnixFileMode open = (UnixFileMode)0b111_101_101;
            Directory.CreateDirectory(cache, open);
            var scratch = path + "." + Guid.NewGuid().ToString("N");
            File.WriteAllBytes(scratch, program);
            File.Move(scratch, path, overwrite: true);
        }

        return path;
    }
}
