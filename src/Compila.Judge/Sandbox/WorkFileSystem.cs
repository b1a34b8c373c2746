using System.Globalization;

namespace Compila.Judge.Sandbox;

/// <summary>
/// The file system holding everything a sandbox binds from the judge: run folders (<c>/box</c>), compile servers'
/// homes, the staged runtime libraries and the tools copied in (TypeScript compiler, javac's class-data archive, the
/// C# compile server). The kernel shows, in every sandbox's <c>/proc/self/mountinfo</c>, the path of a bind's source
/// inside its own file system; on a file system of the judge's own that is <c>/&lt;run id&gt;</c> or
/// <c>/runtime/…</c>, never a host path such as <c>/tmp/compila-judge</c> or the repository's.
/// <list type="bullet">
/// <item><b>Provided</b>: the work root is itself the root of a file system (a tmpfs or a Kubernetes <c>emptyDir</c> with
/// <c>medium: Memory</c> mounted there, not <c>noexec</c>); it is used as it is, and needs no privilege.</item>
/// <item><b>Mounted</b>: otherwise, a judge that may mount (root with <c>CAP_SYS_ADMIN</c>) mounts a tmpfs of its own at
/// <c>&lt;work root&gt;/mnt-&lt;id&gt;</c>, shared by the judges of this process and detached when the last one is disposed
/// (or the process exits; one left by a killed process is swept by the next judge). Not at the work root itself:
/// other judges, of other processes, may be working there, and a mount over it would hide their folders.</item>
/// <item><b>Host</b>: neither (not root, or no right to mount): work folders and copies stay on the host's file system
/// under the work root, and their host paths show in <c>mountinfo</c>. The description says so.</item>
/// </list>
/// </summary>
internal sealed class WorkFileSystem : IDisposable
{
    /// <summary>How the judge's file system came to be.</summary>
    public enum Origin
    {
        /// <summary>The work root is a file system's root, mounted by the host for the judge.</summary>
        Provided,

        /// <summary>A tmpfs mounted by the judge under the work root.</summary>
        Mounted,

        /// <summary>No file system of its own: the host's, under the work root.</summary>
        Host,
    }

    /// <summary>The source name of the judge's tmpfs, as <c>mountinfo</c> shows it.</summary>
    public const string SourceName = "compila-judge";

    private const string MountPrefix = "mnt-";
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, SharedMount> Mounts = new(StringComparer.Ordinal);
    private static bool s_exitHooked;

    private readonly SharedMount? _mount;
    private int _disposed;

    private WorkFileSystem(string root, Origin origin, string description, SharedMount? mount)
    {
        Root = root;
        Kind = origin;
        Description = description;
        _mount = mount;
    }

    /// <summary>Where run folders and staged copies go.</summary>
    public string Root { get; }

    public Origin Kind { get; }

    /// <summary>Whether bind sources here show no host path in a sandbox's <c>mountinfo</c>.</summary>
    public bool Private => Kind != Origin.Host;

    /// <summary>For the sandbox's description (start-up log, <c>/health/ready</c>).</summary>
    public string Description { get; }

    /// <summary>The judge's file system under <paramref name="workRoot"/> (see the class summary for the three cases).</summary>
    /// <param name="workRoot">The configured work root.</param>
    /// <param name="sizeBytes">The size of a tmpfs the judge mounts itself (a cap: pages are charged to their writer's memory cgroup).</param>
    /// <param name="mayMount">False never mounts (the Host case when the work root is no file system of its own).</param>
    public static WorkFileSystem Acquire(string workRoot, long sizeBytes, bool mayMount = true)
    {
        var root = Path.GetFullPath(workRoot);
        WorkDirectory.EnsureRoot(root);
        if (MountAt(root) is { } own)
        {
            if (own.Root == "/" && !own.NoExec)
            {
                return new WorkFileSystem(root, Origin.Provided, $"work folders on their own file system ({own.Type} at {root})", null);
            }

            // A bind of a host folder (root field not "/") would show that folder's path; noexec would stop compiled programs.
            var why = own.NoExec ? "mounted noexec" : $"a bind of {own.Root}, not a file system's root";
            return Fallback(root, sizeBytes, mayMount, $"{root} is {why}");
        }

        return Fallback(root, sizeBytes, mayMount, null);
    }

    private static WorkFileSystem Fallback(string root, long sizeBytes, bool mayMount, string? why)
    {
        if (!mayMount || !Native.IsRoot)
        {
            return HostFileSystem(root, why ?? "not root: no tmpfs of the judge's own");
        }

        lock (Gate)
        {
            if (!Mounts.TryGetValue(root, out var shared))
            {
                SweepStale(root);
                try
                {
                    shared = SharedMount.Create(root, sizeBytes);
                }
                catch (IOException e)
                {
                    return HostFileSystem(root, (why is null ? "" : why + "; ") + "no tmpfs of the judge's own: " + e.Message);
                }

                Mounts[root] = shared;
                if (!s_exitHooked)
                {
                    s_exitHooked = true;
                    AppDomain.CurrentDomain.ProcessExit += (_, _) => ReleaseAll();
                }
            }
            else if (sizeBytes > shared.SizeBytes)
            {
                shared.Resize(sizeBytes);
            }

            shared.References++;
            return new WorkFileSystem(shared.Path, Origin.Mounted,
                $"work folders on a tmpfs of the judge's own ({shared.Path}, {shared.SizeBytes / 1024 / 1024} MB)", shared);
        }
    }

    private static WorkFileSystem HostFileSystem(string root, string why) => new(root, Origin.Host,
        $"work folders on the host file system ({why}): their host paths show in a sandbox's /proc/self/mountinfo", null);

    /// <summary>
    /// The path a sandbox should bind <paramref name="source"/> from: on a private file system, a world-readable copy
    /// on it (unless the source already lives there); on the host's, the source itself, or a world-readable copy
    /// under the work root when the sandbox user could not reach it (a checkout under <c>/root</c>). Copies are named
    /// by content and never rewritten (see <see cref="HostPaths.ReadableCopy"/>).
    /// </summary>
    public string Stage(string source)
    {
        var full = Path.GetFullPath(source);
        if (Private ? !full.StartsWith(Root + "/", StringComparison.Ordinal) : Native.IsRoot && !HostPaths.TraversableByOthers(full))
        {
            return HostPaths.ReadableCopy(full, StagingFolder);
        }

        return full;
    }

    /// <summary>Where staged copies and runtime folders go.</summary>
    public string StagingFolder => Path.Combine(Root, "runtime");

    public void Dispose()
    {
        if (_mount is null || Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        lock (Gate)
        {
            if (--_mount.References == 0)
            {
                Mounts.Remove(_mount.WorkRoot);
                _mount.Release();
            }
        }
    }

    private static void ReleaseAll()
    {
        lock (Gate)
        {
            foreach (var mount in Mounts.Values)
            {
                mount.Release();
            }

            Mounts.Clear();
        }
    }

    /// <summary>Detaches and removes tmpfs mounts left under the work root by judges whose process is gone (their lock is free).</summary>
    private static void SweepStale(string workRoot)
    {
        foreach (var lockFile in Directory.GetFiles(workRoot, MountPrefix + "*.lock"))
        {
            FileStream held;
            try
            {
                held = new FileStream(lockFile, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                continue; // A live judge's.
            }

            using (held)
            {
                var dir = lockFile[..^".lock".Length];
                Native.Unmount(dir);
                try
                {
                    if (Directory.Exists(dir))
                    {
                        Directory.Delete(dir, recursive: true);
                    }

                    File.Delete(lockFile);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Still busy: the next judge tries again.
                }
            }
        }
    }

    /// <summary>The mount whose mount point is <paramref name="path"/> (the last one, which is the one seen), if any.</summary>
    private static (string Root, string Type, bool NoExec)? MountAt(string path)
    {
        (string, string, bool)? found = null;
        foreach (var line in File.ReadLines("/proc/self/mountinfo"))
        {
            // id parent major:minor root mount-point options [optional fields] - type source super-options
            var fields = line.Split(' ');
            var separator = Array.IndexOf(fields, "-");
            if (fields.Length < 10 || separator < 6 || Unescape(fields[4]) != path)
            {
                continue;
            }

            found = (Unescape(fields[3]), fields[separator + 1], fields[5].Split(',').Contains("noexec"));
        }

        return found;
    }

    /// <summary>mountinfo writes space, tab, newline and backslash as octal escapes.</summary>
    private static string Unescape(string field) => System.Text.RegularExpressions.Regex.Replace(
        field, @"\\([0-7]{3})", m => ((char)Convert.ToInt32(m.Groups[1].Value, 8)).ToString());

    /// <summary>One tmpfs mounted by this process, with the lock that tells other processes it is alive.</summary>
    private sealed class SharedMount
    {
        private readonly FileStream _lock;

        private SharedMount(string workRoot, string path, FileStream @lock, long sizeBytes)
        {
            WorkRoot = workRoot;
            Path = path;
            _lock = @lock;
            SizeBytes = sizeBytes;
        }

        public string WorkRoot { get; }
        public string Path { get; }
        public long SizeBytes { get; private set; }
        public int References { get; set; }

        public static SharedMount Create(string workRoot, long sizeBytes)
        {
            var path = System.IO.Path.Combine(workRoot, MountPrefix + Guid.NewGuid().ToString("N"));
            var @lock = new FileStream(path + ".lock", FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
            try
            {
                Directory.CreateDirectory(path);
                Native.Mount(SourceName, path, "tmpfs", Native.MountNoSuid | Native.MountNoDev, Options(sizeBytes));
                return new SharedMount(workRoot, path, @lock, sizeBytes);
            }
            catch
            {
                Directory.Delete(path);
                @lock.Dispose();
                File.Delete(path + ".lock");
                throw;
            }
        }

        public void Resize(long sizeBytes)
        {
            Native.Mount(SourceName, Path, null, Native.MountRemount | Native.MountNoSuid | Native.MountNoDev, Options(sizeBytes));
            SizeBytes = sizeBytes;
        }

        // The root is 0711 like the work root: the slot uids pass through to their own folders, list nothing.
        private static string Options(long sizeBytes) => $"size={sizeBytes.ToString(CultureInfo.InvariantCulture)},mode=0711";

        public void Release()
        {
            Native.Unmount(Path);
            try
            {
                Directory.Delete(Path, recursive: true);
                File.Delete(Path + ".lock");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A sandbox still holding it: swept by the next judge.
            }
            finally
            {
                _lock.Dispose();
            }
        }
    }
}
