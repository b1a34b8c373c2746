namespace Compila.Judge.Sandbox;

/// <summary>Host path checks for read-only binds: bubblewrap runs as the unprivileged sandbox uid and must reach them.</summary>
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

    /// <summary>Copies a folder tree with world-readable modes (links are copied as the files they point to).</summary>
    public static void CopyReadable(string source, string destination)
    {
        const UnixFileMode dirMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        Directory.CreateDirectory(destination, dirMode);
        foreach (var dir in Directory.GetDirectories(source, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(destination, Path.GetRelativePath(source, dir)), dirMode);
        }

        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(source, file));
            File.Copy(file, target, overwrite: true);
            File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
    }
}
