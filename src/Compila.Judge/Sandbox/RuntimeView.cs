using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Compila.Judge.Sandbox;

/// <summary>A symbolic link a sandbox gets, the same as the host's.</summary>
internal sealed record Symlink(string Target, string Path);

/// <summary>
/// What of the host's files a sandbox sees, all read-only: the links to make, then the files and folders to bind.
/// Built once per language at start-up (<see cref="RuntimeViewBuilder"/>); nothing else of <c>/usr</c>, <c>/etc</c> or
/// <c>/opt</c> exists inside.
/// </summary>
internal sealed record RuntimeView(IReadOnlyList<Symlink> Links, IReadOnlyList<Bind> Binds)
{
    public static readonly RuntimeView Empty = new([], []);

    /// <summary>This view with more binds after its own (tools at their sandbox paths).</summary>
    public RuntimeView With(IEnumerable<Bind> more) => new(Links, [.. Binds, .. more]);
}

/// <summary>
/// Lists what one runtime needs of the host, from the real files at start-up: each path the runtime is started by
/// or reads (with every symbolic link on the way, so the sandbox has the same links), its folders (with what their
/// links point to outside them), and the shared libraries its ELF files load (<c>DT_NEEDED</c>, recursively, found
/// where the dynamic loader looks). Libraries from the loader's system folders (<c>/usr/lib/x86_64-linux-gnu</c>) are
/// copied into one folder per set on the judge's file system and bound in place of that folder: one bind instead of
/// one per library, which bubblewrap makes one by one (27 file binds cost python ~8 ms per step here). A required
/// path that is missing throws <see cref="FileNotFoundException"/> with the path: the language is then unavailable,
/// never given all of <c>/usr</c> instead.
/// </summary>
internal sealed class RuntimeViewBuilder
{
    /// <summary>The host's merged-/usr links (<c>/lib → usr/lib</c>...), kept in every sandbox.</summary>
    private static readonly string[] HostLinks = ["/lib", "/lib64", "/bin", "/sbin"];

    /// <summary>Link targets never followed out of a runtime's folder: documentation, and kernel file systems.</summary>
    private static readonly string[] NeverFollowed = ["/usr/share/doc/", "/usr/share/man/", "/proc/", "/sys/", "/dev/"];

    private static readonly ConcurrentDictionary<string, IReadOnlyList<(string Link, string Target)>> LinksByTree = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, ElfFile?> ElfByPath = new(StringComparer.Ordinal);
    private static readonly Lazy<LoaderPaths> Loader = new(LoaderPaths.Probe);

    private readonly WorkFileSystem _fs;
    private readonly SortedDictionary<string, string> _links = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _nodes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _scanned = new(StringComparer.Ordinal);
    private readonly HashSet<string> _walked = new(StringComparer.Ordinal);
    private readonly List<Bind> _extra = [];

    private RuntimeViewBuilder(WorkFileSystem fs) => _fs = fs;

    /// <summary>
    /// What every sandbox has: the host's merged-/usr links, the sandbox's init (<see cref="BubblewrapCommand.InitPath"/>)
    /// and its libraries, glibc's C.UTF-8 locale (<c>LANG=C.UTF-8</c>) and <c>/etc/localtime</c> (with the zone file it
    /// links to).
    /// </summary>
    public static RuntimeViewBuilder Base(WorkFileSystem fs)
    {
        var builder = new RuntimeViewBuilder(fs);
        foreach (var link in HostLinks)
        {
            if (new FileInfo(link).LinkTarget is { } target)
            {
                builder._links[link] = target;
            }
        }

        return builder.Executable(BubblewrapCommand.InitPath).Optional("/usr/lib/locale/C.utf8").Optional("/etc/localtime");
    }

    /// <summary>An executable the sandbox starts, and every library it loads (all required).</summary>
    public RuntimeViewBuilder Executable(string path)
    {
        var real = Realize(path, required: true)!;
        Walk(real, required: true);
        return this;
    }

    /// <summary>A file or folder the runtime needs, and what the links in a folder point to outside it.</summary>
    public RuntimeViewBuilder Require(string path)
    {
        var real = Realize(path, required: true)!;
        FollowLinks(real);
        return this;
    }

    /// <summary>Like <see cref="Require"/>, when <paramref name="path"/> exists.</summary>
    public RuntimeViewBuilder Optional(string path)
    {
        if (Realize(path, required: false) is { } real)
        {
            FollowLinks(real);
        }

        return this;
    }

    /// <summary>
    /// The libraries of ELF files the runtime loads at run time (its own modules and plugins): found ones are added,
    /// missing ones skipped (the host's runtime fails to load that module too).
    /// </summary>
    public RuntimeViewBuilder LibrariesOf(IEnumerable<string> files)
    {
        foreach (var file in files)
        {
            Walk(Path.GetFullPath(file), required: false);
        }

        return this;
    }

    /// <summary>A library the runtime opens by name (<c>dlopen</c>), found where the loader looks, with its own libraries.</summary>
    public RuntimeViewBuilder Library(string name, bool required)
    {
        if (Find(name, []) is { } found)
        {
            Walk(Realize(found, required)!, required);
        }
        else if (required)
        {
            throw new FileNotFoundException($"{name} not found in {string.Join(", ", Loader.Value.SearchPath)}.");
        }

        return this;
    }

    /// <summary>The highest-numbered <c>&lt;prefix&gt;&lt;number&gt;</c> library the loader would find (libicuuc.so.72), or null.</summary>
    public static string? NewestLibrary(string prefix) => Loader.Value.SearchPath
        .Where(Directory.Exists)
        .SelectMany(dir => Directory.EnumerateFiles(dir, prefix + "*"))
        .Select(Path.GetFileName)
        .Where(name => name!.Length > prefix.Length && name.StartsWith(prefix, StringComparison.Ordinal) && int.TryParse(name[prefix.Length..], out _))
        .OrderByDescending(name => int.Parse(name![prefix.Length..], System.Globalization.CultureInfo.InvariantCulture))
        .FirstOrDefault();

    /// <summary>A host file or folder bound at another path (the judge's tools under <c>/opt/judge</c>).</summary>
    public RuntimeViewBuilder BindAs(string source, string target)
    {
        _extra.Add(new Bind(source, target));
        return this;
    }

    /// <summary>The view: links, binds of what no bound folder already holds, the staged library folders, the extra binds.</summary>
    public RuntimeView Build()
    {
        var folders = _nodes.Where(Directory.Exists).ToList();
        bool InFolder(string path) => folders.Any(f => path.StartsWith(f + "/", StringComparison.Ordinal));
        var nodes = _nodes.Where(n => !InFolder(n)).ToList();
        var links = _links.Where(l => !InFolder(l.Key)).ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal);

        var binds = new List<Bind>();
        // A system library folder is staged (deepest first) unless something else must be bound inside it: a folder
        // bound whole (/usr/lib holds the JDK, python's stdlib, the C.UTF-8 locale) or a staged folder
        // (/usr/lib/x86_64-linux-gnu): then what it needs is bound file by file.
        static bool Under(string path, string dir) => path.StartsWith(dir + "/", StringComparison.Ordinal);
        foreach (var dir in Loader.Value.SystemFolders.OrderByDescending(d => d.Length))
        {
            if (InFolder(dir) || folders.Any(f => Under(f, dir)) || binds.Any(b => Under(b.Target, dir)))
            {
                continue;
            }

            var files = nodes.Where(n => Under(n, dir)).ToList();
            var inLinks = links.Keys.Where(l => Under(l, dir)).ToList();
            if (files.Count == 0 && inLinks.Count == 0)
            {
                continue;
            }

            binds.Add(new Bind(StageFolder(dir, files, inLinks.ToDictionary(l => l, l => links[l], StringComparer.Ordinal)), dir));
            nodes.RemoveAll(files.Contains);
            inLinks.ForEach(l => links.Remove(l));
        }

        binds.AddRange(nodes.Select(n => new Bind(n, n)));
        return new RuntimeView(
            links.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => new Symlink(l.Value, l.Key)).ToList(),
            [.. binds.OrderBy(b => b.Target, StringComparer.Ordinal), .. _extra]);
    }

    /// <summary>
    /// A folder on the judge's file system holding copies of <paramref name="files"/> and the links of
    /// <paramref name="links"/> at their places below <paramref name="dir"/>; named by content, made once.
    /// </summary>
    private string StageFolder(string dir, IReadOnlyList<string> files, IReadOnlyDictionary<string, string> links)
    {
        var key = new StringBuilder(dir).Append('\n');
        foreach (var file in files)
        {
            var info = new FileInfo(file);
            key.Append(file).Append('\0').Append(info.Length).Append('\0').Append(info.LastWriteTimeUtc.Ticks).Append('\n');
        }

        foreach (var (link, target) in links.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            key.Append(link).Append(" -> ").Append(target).Append('\n');
        }

        var name = "libs-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key.ToString())))[..16];
        return HostPaths.Staged(Path.Combine(_fs.StagingFolder, name), isFile: false, scratch =>
        {
            Directory.CreateDirectory(scratch, HostPaths.DirMode);
            string Place(string path)
            {
                var target = Path.Combine(scratch, Path.GetRelativePath(dir, path));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!, HostPaths.DirMode);
                return target;
            }

            foreach (var file in files)
            {
                var target = Place(file);
                File.Copy(file, target);
                var executable = (File.GetUnixFileMode(file) & UnixFileMode.UserExecute) != 0;
                File.SetUnixFileMode(target, executable ? HostPaths.DirMode : HostPaths.ReadableFile);
            }

            foreach (var (link, text) in links)
            {
                File.CreateSymbolicLink(Place(link), text);
            }
        });
    }

    /// <summary>Makes <paramref name="path"/> appear as on the host: its links recorded, its real file or folder added. Returns the real path.</summary>
    private string? Realize(string path, bool required)
    {
        if (Resolve(path, record: true) is { } real)
        {
            _nodes.Add(real);
            return real;
        }

        return required ? throw new FileNotFoundException($"{path} is missing, and the sandbox needs it.", path) : null;
    }

    /// <summary>The real path of <paramref name="path"/>, resolving each link on the way (recorded when asked); null if it does not exist.</summary>
    private string? Resolve(string path, bool record)
    {
        var met = new List<(string Link, string Target)>();
        var real = RealPath(path, met);
        if (real is not null && record)
        {
            met.ForEach(m => _links[m.Link] = m.Target);
        }

        return real;
    }

    /// <summary>The real path of <paramref name="path"/> (null if it does not exist), and the links met on the way.</summary>
    private static string? RealPath(string path, List<(string Link, string Target)>? met = null)
    {
        var pending = new Stack<string>(path.Split('/').Reverse());
        var current = "/";
        var hops = 0;
        while (pending.TryPop(out var name))
        {
            if (name is "" or ".")
            {
                continue;
            }

            if (name == "..")
            {
                current = Path.GetDirectoryName(current) ?? "/";
                continue;
            }

            var next = current == "/" ? "/" + name : current + "/" + name;
            var info = new FileInfo(next);
            if (info.LinkTarget is { } target)
            {
                if (++hops > 40)
                {
                    throw new IOException($"{path}: too many levels of symbolic links.");
                }

                met?.Add((next, target));
                foreach (var part in target.Split('/').Reverse())
                {
                    pending.Push(part);
                }

                if (target.StartsWith('/'))
                {
                    current = "/";
                }

                continue;
            }

            if (!info.Exists && !Directory.Exists(next))
            {
                return null;
            }

            current = next;
        }

        return current;
    }

    /// <summary>
    /// What the links inside a bound folder point to outside it: added (a folder holding two or more such targets,
    /// such as <c>/etc/java-17-openjdk</c> or <c>/usr/share/go-1.19</c>, is added whole). Targets in the system library
    /// folders are left to the ELF walk, documentation and missing targets are skipped.
    /// </summary>
    private void FollowLinks(string real)
    {
        if (!Directory.Exists(real) || !_scanned.Add(real))
        {
            return;
        }

        var outside = new List<string>();
        foreach (var (link, target) in LinksByTree.GetOrAdd(real, ScanLinks))
        {
            var full = target.StartsWith('/') ? target : Path.GetDirectoryName(link) + "/" + target;
            if (Resolve(full, record: false) is not { } resolved
                || resolved == real || resolved.StartsWith(real + "/", StringComparison.Ordinal)
                || NeverFollowed.Any(p => (resolved + "/").StartsWith(p, StringComparison.Ordinal))
                || Loader.Value.SystemFolders.Any(d => resolved.StartsWith(d + "/", StringComparison.Ordinal)))
            {
                continue;
            }

            outside.Add(full);
        }

        foreach (var group in outside.GroupBy(t => PackageFolder(Resolve(t, record: false)!)))
        {
            if (group.Key is { } folder && group.Count() > 1 && Directory.Exists(folder))
            {
                Require(folder);
            }
            else
            {
                foreach (var target in group)
                {
                    Require(target);
                }
            }
        }
    }

    /// <summary>The package's folder a path belongs to: <c>/etc/&lt;x&gt;</c>, <c>/opt/&lt;x&gt;</c>, <c>/usr/&lt;share|lib|…&gt;/&lt;x&gt;</c>; null above that depth.</summary>
    private static string? PackageFolder(string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var depth = parts.Length > 0 && parts[0] == "usr" ? 3 : 2;
        return parts.Length > depth ? "/" + string.Join('/', parts.Take(depth)) : null;
    }

    /// <summary>Every symbolic link inside a folder tree, without going through linked folders.</summary>
    private static IReadOnlyList<(string Link, string Target)> ScanLinks(string root)
    {
        var found = new List<(string, string)>();
        var pending = new Stack<DirectoryInfo>([new DirectoryInfo(root)]);
        while (pending.TryPop(out var dir))
        {
            foreach (var entry in dir.EnumerateFileSystemInfos())
            {
                if ((entry.Attributes & FileAttributes.ReparsePoint) != 0)
                {
                    if (entry.LinkTarget is { } target)
                    {
                        found.Add((entry.FullName, target));
                    }
                }
                else if (entry is DirectoryInfo sub)
                {
                    pending.Push(sub);
                }
            }
        }

        return found;
    }

    /// <summary>Adds the interpreter and the libraries an ELF file loads, recursively.</summary>
    private void Walk(string file, bool required)
    {
        if (!_walked.Add(file) || ElfByPath.GetOrAdd(file, f => File.Exists(f) ? ElfFile.Read(f) : null) is not { } elf)
        {
            return;
        }

        if (elf.Interpreter is { } interpreter)
        {
            Realize(interpreter, required);
        }

        foreach (var name in elf.Needed)
        {
            if (Find(name, elf.SearchPath) is { } found)
            {
                Walk(Realize(found, required)!, required);
            }
            else if (required)
            {
                throw new FileNotFoundException(
                    $"{file} needs {name}, found in none of {string.Join(", ", elf.SearchPath.Concat(Loader.Value.SearchPath))}.");
            }
        }
    }

    /// <summary>Where the loader finds a library: the file's own search path first, then the system folders.</summary>
    private static string? Find(string name, IReadOnlyList<string> searchPath)
    {
        if (name.Contains('/', StringComparison.Ordinal))
        {
            return File.Exists(name) ? name : null;
        }

        return searchPath.Concat(Loader.Value.SearchPath)
            .Select(dir => Path.GetFullPath(Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>
    /// The dynamic loader's system search path, as it reports it (<c>ld.so --help</c>, glibc 2.33+), in its order;
    /// the sandbox has no <c>/etc/ld.so.cache</c> (it lists every library of the host), so the loader looks there.
    /// </summary>
    private sealed record LoaderPaths(IReadOnlyList<string> SearchPath, IReadOnlyList<string> SystemFolders)
    {
        public static LoaderPaths Probe()
        {
            var interpreter = ElfFile.Read(BubblewrapCommand.InitPath)?.Interpreter;
            var help = interpreter is null ? null : Languages.LanguageAdapterProbe.Output(interpreter, "--help");
            var dirs = (help ?? "").Split('\n')
                .Select(l => l.Trim())
                .Where(l => l.EndsWith("(system search path)", StringComparison.Ordinal))
                .Select(l => l[..l.IndexOf(' ', StringComparison.Ordinal)])
                .ToList();
            if (dirs.Count == 0)
            {
                // Older glibc or another libc: the Debian multiarch layout.
                var triplet = System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture
                    == System.Runtime.InteropServices.Architecture.Arm64 ? "aarch64-linux-gnu" : "x86_64-linux-gnu";
                dirs = [$"/lib/{triplet}", $"/usr/lib/{triplet}", "/lib64", "/usr/lib64", "/lib", "/usr/lib"];
            }

            var existing = dirs.Where(Directory.Exists).ToList();
            return new LoaderPaths(existing, existing.Select(d => RealPath(d)!).Distinct(StringComparer.Ordinal).ToList());
        }
    }
}
