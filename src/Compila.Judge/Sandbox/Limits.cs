namespace Compila.Judge.Sandbox;

/// <summary>The limits in force for one sandboxed step, after defaults, overrides and maxima.</summary>
internal sealed record EffectiveLimits(
    double CpuTimeSeconds,
    double WallTimeSeconds,
    int MemoryMegabytes,
    int MaxProcesses,
    int MaxFileSizeKilobytes,
    int MaxOutputKilobytes,
    int MaxOpenFiles)
{
    public long MemoryBytes => MemoryMegabytes * 1024L * 1024L;

    public static EffectiveLimits From(LimitValues v) => new(
        v.CpuTimeSeconds, v.WallTimeSeconds, v.MemoryMegabytes, v.MaxProcesses,
        v.MaxFileSizeKilobytes, v.MaxOutputKilobytes, v.MaxOpenFiles);

    public static LimitValues Merge(LimitValues global, LimitOverrides? language, LimitOverrides? adapter)
    {
        return new LimitValues
        {
            CpuTimeSeconds = language?.CpuTimeSeconds ?? adapter?.CpuTimeSeconds ?? global.CpuTimeSeconds,
            WallTimeSeconds = language?.WallTimeSeconds ?? adapter?.WallTimeSeconds ?? global.WallTimeSeconds,
            MemoryMegabytes = language?.MemoryMegabytes ?? adapter?.MemoryMegabytes ?? global.MemoryMegabytes,
            MaxProcesses = language?.MaxProcesses ?? adapter?.MaxProcesses ?? global.MaxProcesses,
            MaxFileSizeKilobytes = language?.MaxFileSizeKilobytes ?? adapter?.MaxFileSizeKilobytes ?? global.MaxFileSizeKilobytes,
            MaxOutputKilobytes = language?.MaxOutputKilobytes ?? adapter?.MaxOutputKilobytes ?? global.MaxOutputKilobytes,
            MaxOpenFiles = language?.MaxOpenFiles ?? adapter?.MaxOpenFiles ?? global.MaxOpenFiles,
        };
    }

    /// <summary>Applies a request's overrides to the defaults, rejecting values above the maxima or not positive.</summary>
    public static EffectiveLimits Resolve(LimitValues defaults, LimitValues maxima, RunLimits? request)
    {
        return new EffectiveLimits(
            Pick(nameof(RunLimits.CpuTimeSeconds), request?.CpuTimeSeconds, defaults.CpuTimeSeconds, maxima.CpuTimeSeconds),
            Pick(nameof(RunLimits.WallTimeSeconds), request?.WallTimeSeconds, defaults.WallTimeSeconds, maxima.WallTimeSeconds),
            (int)Pick(nameof(RunLimits.MemoryMegabytes), request?.MemoryMegabytes, defaults.MemoryMegabytes, maxima.MemoryMegabytes),
            (int)Pick(nameof(RunLimits.MaxProcesses), request?.MaxProcesses, defaults.MaxProcesses, maxima.MaxProcesses),
            (int)Pick(nameof(RunLimits.MaxFileSizeKilobytes), request?.MaxFileSizeKilobytes, defaults.MaxFileSizeKilobytes, maxima.MaxFileSizeKilobytes),
            (int)Pick(nameof(RunLimits.MaxOutputKilobytes), request?.MaxOutputKilobytes, defaults.MaxOutputKilobytes, maxima.MaxOutputKilobytes),
            Math.Min(defaults.MaxOpenFiles, maxima.MaxOpenFiles));
    }

    private static double Pick(string name, double? requested, double fallback, double maximum)
    {
        var value = requested ?? Math.Min(fallback, maximum);
        if (value <= 0 || value > maximum)
        {
            throw new LimitOutOfRangeException(name, maximum);
        }

        return value;
    }
}
