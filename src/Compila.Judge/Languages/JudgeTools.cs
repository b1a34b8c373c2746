namespace Compila.Judge.Languages;

/// <summary>
/// Where the project's judge tools live (tools/judge, with node_modules), the judge's host folder (its caches are
/// built in <c>WorkRoot/cache</c>), and the file system sandboxes bind from (what they see is staged there).
/// </summary>
internal sealed record JudgeTools(string? Directory, string WorkRoot, Sandbox.WorkFileSystem FileSystem)
{
    /// <summary>The configured tools folder, else the first <c>tools/judge</c> found above the app's folder.</summary>
    public static string? FindDirectory(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tools", "judge");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
