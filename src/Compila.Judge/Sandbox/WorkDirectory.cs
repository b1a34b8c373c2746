using System.Text;

namespace Compila.Judge.Sandbox;

/// <summary>
/// A run's fresh host folder, seen as <c>/box</c> in the sandbox. The host writes every file before any sandboxed
/// step starts, creating each one exclusively (O_CREAT|O_EXCL, which never follows a link), so no link planted by
/// untrusted code can redirect a host write. The folder is removed, without following links, when the run ends.
/// </summary>
internal sealed class WorkDirectory : IDisposable
{
    public const int MaxFiles = 64;
    public const int MaxTotalBytes = 1024 * 1024;
    public const int MaxStdinBytes = 8 * 1024 * 1024;
    private const UnixFileMode DirMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private readonly int? _ownerUid;

    private WorkDirectory(string path, int? ownerUid)
    {
        Path = path;
        _ownerUid = ownerUid;
    }

    public string Path { get; }

    /// <summary>Creates <c>root/id</c>; fails if it already exists. The root is private to the host (0711).</summary>
    public static WorkDirectory Create(string root, Guid id, int? ownerUid)
    {
        EnsureRoot(root);
        var path = System.IO.Path.Combine(root, id.ToString("N"));
        if (Directory.Exists(path) || File.Exists(path) || new FileInfo(path).LinkTarget is not null)
        {
            throw new IOException($"Work folder {path} already exists.");
        }

        Directory.CreateDirectory(path, DirMode);
        var work = new WorkDirectory(path, ownerUid);
        try
        {
            work.Own(path);
        }
        catch
        {
            work.Dispose();
            throw;
        }

        return work;
    }

    /// <summary>Creates a root for work folders if needed, never through a link: others may pass through (0711).</summary>
    public static void EnsureRoot(string root)
    {
        const UnixFileMode rootMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        Directory.CreateDirectory(root, rootMode);
        if (new DirectoryInfo(root).LinkTarget is not null)
        {
            throw new IOException($"Work root {root} is a link; refusing to use it.");
        }

        // Others may pass through (bubblewrap runs as the slot uid) but never list or write it.
        File.SetUnixFileMode(root, rootMode);
    }

    /// <summary>Checks a learner file path: relative, no <c>..</c>, no hidden or odd characters.</summary>
    public static string? Validate(IReadOnlyList<SourceFile> files)
    {
        if (files.Count == 0)
        {
            return "At least one file is required.";
        }

        if (files.Count > MaxFiles)
        {
            return $"At most {MaxFiles} files.";
        }

        long total = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var p = file.Path;
            if (string.IsNullOrWhiteSpace(p) || p.Length > 200 || p.StartsWith('/') || p.Contains('\\')
                || p.Split('/').Any(s => s.Length == 0 || s.StartsWith('.'))
                || p.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '/')))
            {
                return $"Invalid file path '{p}': use relative paths of letters, digits, '_', '-', '.' and '/'.";
            }

            if (!seen.Add(p))
            {
                return $"Duplicate file path '{p}'.";
            }

            total += Encoding.UTF8.GetByteCount(file.Content);
        }

        return total > MaxTotalBytes ? $"Source files exceed {MaxTotalBytes / 1024} KB." : null;
    }

    /// <summary>Writes one text file (UTF-8) exclusively; see <see cref="Write(string, byte[])"/>.</summary>
    public void Write(string relativePath, string content) => Write(relativePath, new UTF8Encoding(false).GetBytes(content));

    /// <summary>Writes one file exclusively; the path was validated and its folders are created fresh here.</summary>
    public void Write(string relativePath, byte[] bytes)
    {
        var full = System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, relativePath));
        if (!full.StartsWith(Path + "/", StringComparison.Ordinal))
        {
            throw new IOException($"Path '{relativePath}' leaves the work folder.");
        }

        var dir = System.IO.Path.GetDirectoryName(full)!;
        for (var current = dir; current.Length > Path.Length; current = System.IO.Path.GetDirectoryName(current)!)
        {
            if (new FileInfo(current).LinkTarget is not null)
            {
                throw new IOException($"Refusing to write through the link at '{current}'.");
            }
        }

        if (dir != Path && !Directory.Exists(dir))
        {
            Directory.CreateDirectory(dir, DirMode);
            for (var current = dir; current.Length > Path.Length; current = System.IO.Path.GetDirectoryName(current)!)
            {
                Own(current);
            }
        }

        var options = new FileStreamOptions
        {
            Mode = System.IO.FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            UnixCreateMode = FileMode,
        };
        using var stream = new FileStream(full, options);
        stream.Write(bytes);
    }

    private void Own(string path)
    {
        if (_ownerUid is { } uid)
        {
            Native.Lchown(path, uid, uid);
        }
    }

    public void Dispose()
    {
        if (TryDelete(Path))
        {
            return;
        }

        // A mount of the folder in a sandbox's namespace can outlive its processes by a moment: retry a few times.
        var path = Path;
        _ = Task.Run(async () =>
        {
            for (var attempt = 0; attempt < 20 && !TryDelete(path); attempt++)
            {
                await Task.Delay(250).ConfigureAwait(false);
            }
        });
    }

    /// <summary>Removes run folders left under the root for more than an hour (a crash mid-run); runs last minutes.</summary>
    public static void SweepStale(string root)
    {
        if (!Directory.Exists(root))
        {
            return;
        }

        foreach (var dir in Directory.GetDirectories(root))
        {
            var name = System.IO.Path.GetFileName(dir);
            if (name.Length == 32 && name.All(char.IsAsciiHexDigitLower)
                && Directory.GetLastWriteTimeUtc(dir) < DateTime.UtcNow.AddHours(-1))
            {
                TryDelete(dir);
            }
        }
    }

    private static bool TryDelete(string path)
    {
        try
        {
            // Directory.Delete removes links without following them.
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }

            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
