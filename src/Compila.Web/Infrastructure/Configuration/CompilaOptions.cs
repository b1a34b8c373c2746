using System.ComponentModel.DataAnnotations;

namespace Compila.Web.Infrastructure.Configuration;

/// <summary>The <c>Compila</c> configuration section (env: <c>Compila__...</c>).</summary>
public sealed class CompilaOptions
{
    public const string Section = "Compila";

    /// <summary>Folder for the embedded database, signing keys and files. Relative paths resolve against the working directory.</summary>
    [Required]
    public string DataDir { get; set; } = "./data";

    /// <summary>PostgreSQL connection string; when empty the embedded SQLite database in <see cref="DataDir"/> is used.</summary>
    public string? Postgres { get; set; }

    /// <summary>Redis connection string; when empty cache and rate limits stay in memory.</summary>
    public string? Redis { get; set; }

    /// <summary><c>api</c>, <c>worker</c> or <c>all</c>.</summary>
    public ProcessRole Role { get; set; } = ProcessRole.All;

    /// <summary>Apply pending migrations when the app starts.</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>Largest accepted request body, in bytes.</summary>
    [Range(1, long.MaxValue)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    public string FullDataDir => Path.GetFullPath(DataDir);

    public bool UsesPostgres => !string.IsNullOrWhiteSpace(Postgres);

    public bool UsesRedis => !string.IsNullOrWhiteSpace(Redis);
}

public enum ProcessRole
{
    All,
    Api,
    Worker,
}

public static class ProcessRoleExtensions
{
    public static bool ServesApi(this ProcessRole role) => role is ProcessRole.All or ProcessRole.Api;

    public static bool RunsWorkers(this ProcessRole role) => role is ProcessRole.All or ProcessRole.Worker;
}
