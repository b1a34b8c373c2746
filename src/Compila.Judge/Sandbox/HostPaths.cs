namespace Compila.Judge.Sandbox;

/// <summary>Host path checks and copies for read-only binds: bubblewrap runs as the unprivileged sandbox uid and must reach them.</summary>
internal static class HostPaths
{
    /// <summary>Whether every folder from / down to <paramref name="path"/> lets others through (o+x).</summary>
    public static bool TraversableByOthers(string path)
    {
        var full = Path.GetFullPath(path);
        var start = File.Exists(full) ? Path.GetDirectoryName(full)! : full;
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (!dir.Exists || (File.GetUnixFileMode(dir.FullName) & UnixFileMode.OtherExecute) == 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A world-readable copy of a file or folder tree under <paramref name="root"/>, named by its content stamp (paths,
    /// sizes, modification times): made once in a scratch place and renamed into place, never rewritten. Several
    /// judges on one machine start at once, and one of them may be compiling from the copy while another starts; an
    /// in-place overwrite would hand that compiler a truncated file.
    /// </summary>
    public static string ReadableCopy(string source, string root)
    {
        var isFile = File.Exists(source);
        var final = Path.Combine(root, Path.GetFileName(Path.TrimEndingDirectorySeparator(source)) + "-" + Stamp(source));
        return Staged(final, isFile, scratch =>
        {
            if (isFile)
            {
                File.Copy(source, scratch);
                File.SetUnixFileMode(scratch, ReadableFile);
            }
            else
            {
                CopyTree(source, scratch);
            }
        });
    }

    /// <summary>
    /// <paramref name="final"/>, made by <paramref name="fill"/> in a scratch place beside it and renamed into place
    /// unless it already exists (another judge's identical copy).
    /// </summary>
    public static string Staged(string final, bool isFile, Action<string> fill)
    {
        if (isFile ? File.Exists(final) : Directory.Exists(final))
        {
            return final;
        }

        var root = Path.GetDirectoryName(final)!;
        Directory.CreateDirectory(root, DirMode);
        var scratch = Path.Combine(root, ".scratch-" + Guid.NewGuid().ToString("N"));
        try
        {
            fill(scratch);
            if (isFile)
            {
                File.Move(scratch, final, overwrite: false);
            }
            else
            {
                Directory.Move(scratch, final);
            }
        }
        catch (IOException) when (isFile ? File.Exists(final) : Directory.Exists(final))
        {
            // Another judge put the same copy in place first.
        }
        finally
        {
            if (Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }
            else if (File.Exists(scratch))
            {
                File.Delete(scratch);
            }
        }

        return final;
    }

    public const UnixFileMode ReadableFile = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    public const UnixFileMode DirMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private static string Stamp(string source)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        IEnumerable<string> files = File.Exists(source) ? [source] : Directory.GetFiles(source, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var info = new FileInfo(file);
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(
                $"{Path.GetRelativePath(source, file)}\0{info.Length}\0{info.LastWriteTimeUtc.Ticks}\n"));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    /// <summary>Copies a folder tree with world-readable modes (links are copied as the files they point to).</summary>
    private static void CopyTree(string source, string destination)
    {
        Directory.CreateDirectory(destination, DirMode);
        foreach (var dir in Directory.GetDirectories(source, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(destination, Path.GetRelativePath(source, dir)), DirMode);
        }

        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(source, file));
            File.Copy(file, target);
            File.SetUnixFileMode(target, ReadableFile);
        }
    }
}
