using System.Globalization;
using Microsoft.Extensions.Options;

namespace Compila.Judge;

/// <summary>
/// The rules of <see cref="JudgeOptions"/>: paths present, counts not negative, every limit positive. Checked when the
/// options are first built and, in a host, at start-up, so a bad setting stops the process with its key named.
/// </summary>
internal sealed class JudgeOptionsValidator : IValidateOptions<JudgeOptions>
{
    const string Section = JudgeOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, JudgeOptions options)
    {
        var failures = new List<string>();
        Required(failures, "BubblewrapPath", options.BubblewrapPath);
        Required(failures, "WorkRoot", options.WorkRoot);
        Required(failures, "CgroupRoot", options.CgroupRoot);
        AtLeast(failures, "PoolSize", options.PoolSize, 0);
        AtLeast(failures, "QueueCapacity", options.QueueCapacity, 0);
        AtLeast(failures, "SandboxUidBase", options.SandboxUidBase, 1);
        AtLeast(failures, "TmpSizeMegabytes", options.TmpSizeMegabytes, 1);
        if (options.RetryAfter < TimeSpan.Zero)
        {
            failures.Add($"{Section}:RetryAfter must not be negative.");
        }

        Limits(failures, "RunDefaults", options.RunDefaults);
        Limits(failures, "RunMaxima", options.RunMaxima);
        Limits(failures, "CompileLimits", options.CompileLimits);
        foreach (var (language, settings) in options.Languages)
        {
            Overrides(failures, $"Languages:{language}:RunDefaults", settings.RunDefaults);
            Overrides(failures, $"Languages:{language}:RunMaxima", settings.RunMaxima);
            Overrides(failures, $"Languages:{language}:CompileLimits", settings.CompileLimits);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    static void Limits(List<string> failures, string key, LimitValues? limits)
    {
        if (limits is null)
        {
            failures.Add($"{Section}:{key} is required.");
            return;
        }

        Overrides(failures, key, new LimitOverrides
        {
            CpuTimeSeconds = limits.CpuTimeSeconds,
            WallTimeSeconds = limits.WallTimeSeconds,
            MemoryMegabytes = limits.MemoryMegabytes,
            MaxProcesses = limits.MaxProcesses,
            MaxFileSizeKilobytes = limits.MaxFileSizeKilobytes,
            MaxOutputKilobytes = limits.MaxOutputKilobytes,
            MaxOpenFiles = limits.MaxOpenFiles,
        });
    }

    /// <summary>Every limit that is set is positive.</summary>
    static void Overrides(List<string> failures, string key, LimitOverrides? limits)
    {
        if (limits is null)
        {
            return;
        }

        (string Name, double? Value)[] values =
        [
            (nameof(LimitOverrides.CpuTimeSeconds), limits.CpuTimeSeconds),
            (nameof(LimitOverrides.WallTimeSeconds), limits.WallTimeSeconds),
            (nameof(LimitOverrides.MemoryMegabytes), limits.MemoryMegabytes),
            (nameof(LimitOverrides.MaxProcesses), limits.MaxProcesses),
            (nameof(LimitOverrides.MaxFileSizeKilobytes), limits.MaxFileSizeKilobytes),
            (nameof(LimitOverrides.MaxOutputKilobytes), limits.MaxOutputKilobytes),
            (nameof(LimitOverrides.MaxOpenFiles), limits.MaxOpenFiles),
        ];
        foreach (var (member, value) in values.Where(v => v.Value is <= 0))
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{Section}:{key}:{member} must be positive (it is {value})."));
        }
    }

    static void Required(List<string> failures, string key, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{Section}:{key} is required.");
        }
    }

    static void AtLeast(List<string> failures, string key, int value, int minimum)
    {
        if (value < minimum)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{Section}:{key} must be at least {minimum} (it is {value})."));
        }
    }
}
