using System.Text.RegularExpressions;
using Compila.Judge.Sandbox;
using Microsoft.Extensions.Options;

namespace Compila.Judge.Tests.Sandbox;

/// <summary>
/// The file system sandboxes bind from (run folders, staged libraries and tools): a tmpfs the judge mounts, one the
/// host provides at the work root, or, when neither can be had, the host's own, said plainly. What a sandbox's
/// mountinfo then shows of <c>/box</c> is the proof.
/// </summary>
public sealed partial class WorkFileSystemTests : IDisposable
{
    private const string MountinfoOfBox = "print(next(l for l in open('/proc/self/mountinfo') if l.split()[4] == '/box'))\n";
    private readonly string _workRoot = Directory.CreateTempSubdirectory("compila-judge-fs-").FullName;

    public void Dispose()
    {
        Native.Unmount(_workRoot);
        Directory.Delete(_workRoot, recursive: true);
    }

    [Fact]
    public async Task Judge_MountsATmpfsOfItsOwn_SharedByItsProcess_AndDetachedWithTheLastJudge()
    {
        string mountPoint;
        using (var judge = NewJudge())
        {
            mountPoint = judge.WorkFileSystemRoot;
            Assert.StartsWith(_workRoot + "/mnt-", mountPoint, StringComparison.Ordinal);
            Assert.Contains("tmpfs of the judge's own", judge.Sandbox.Description, StringComparison.Ordinal);
            Assert.Contains(Mounts(), m => m.Point == mountPoint && m.Source == WorkFileSystem.SourceName);
            using (var second = NewJudge())
            {
                Assert.Equal(mountPoint, second.WorkFileSystemRoot);
            }

            Assert.Contains(Mounts(), m => m.Point == mountPoint);
            var box = await BoxMount(judge);
            Assert.Matches("^/[0-9a-f]{32}$", box.Root);
            Assert.Equal(WorkFileSystem.SourceName, box.Source);
        }

        Assert.DoesNotContain(Mounts(), m => m.Point == mountPoint);
        Assert.False(Directory.Exists(mountPoint));
    }

    [Fact]
    public async Task Judge_UsesAWorkRootThatIsAFileSystemOfItsOwn_WithoutMountingAnother()
    {
        Native.Mount("tmpfs", _workRoot, "tmpfs", Native.MountNoSuid | Native.MountNoDev, "size=256m,mode=0711");
        using var judge = NewJudge();

        Assert.Equal(_workRoot, judge.WorkFileSystemRoot);
        Assert.Contains("their own file system", judge.Sandbox.Description, StringComparison.Ordinal);
        Assert.Empty(Directory.GetDirectories(_workRoot, "mnt-*"));
        var box = await BoxMount(judge);
        Assert.Matches("^/[0-9a-f]{32}$", box.Root);
    }

    [Fact]
    public async Task Judge_ThatMayNotMount_SaysHostPathsShow_AndTheyDo()
    {
        using var judge = NewJudge(mount: false);

        Assert.Equal(_workRoot, judge.WorkFileSystemRoot);
        Assert.Contains("work folders on the host file system", judge.Sandbox.Description, StringComparison.Ordinal);
        Assert.Contains("show in a sandbox's /proc/self/mountinfo", judge.Sandbox.Description, StringComparison.Ordinal);
        // The documented fallback (docs/judge.md, "Known limits"): the run folder's host path.
        var box = await BoxMount(judge);
        Assert.StartsWith(_workRoot + "/", box.Root, StringComparison.Ordinal);
    }

    [Fact]
    public void TmpfsLeftByAJudgeWhoseProcessIsGone_IsDetachedAndRemoved()
    {
        var stale = Path.Combine(_workRoot, "mnt-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(stale);
        File.WriteAllText(stale + ".lock", "");
        Native.Mount(WorkFileSystem.SourceName, stale, "tmpfs", Native.MountNoSuid | Native.MountNoDev, "size=1m");
        File.WriteAllText(Path.Combine(stale, "left"), "x");

        using var judge = NewJudge();

        Assert.DoesNotContain(Mounts(), m => m.Point == stale);
        Assert.False(Directory.Exists(stale));
        Assert.False(File.Exists(stale + ".lock"));
        Assert.NotEqual(stale, judge.WorkFileSystemRoot);
    }

    /// <summary>A judge on the test's work root with python only (the others' probes are not needed here).</summary>
    private BubblewrapJudge NewJudge(bool mount = true) => new(Options.Create(new JudgeOptions
    {
        WorkRoot = _workRoot,
        PoolSize = 1,
        MountWorkFileSystem = mount,
        Languages = JudgeFixture.AllLanguages.Where(l => l != "python")
            .ToDictionary(l => l, _ => new LanguageOptions { Enabled = false }),
    }));

    private static async Task<MountLine> BoxMount(BubblewrapJudge judge)
    {
        var result = await judge.RunAsync(new RunRequest("python", [new SourceFile("main.py", MountinfoOfBox)]));
        Assert.Equal(RunStatus.Accepted, result.Status);
        return MountLine.Parse(result.Stdout.Trim());
    }

    private static List<MountLine> Mounts() => File.ReadAllLines("/proc/self/mountinfo").Select(MountLine.Parse).ToList();

    /// <summary>A mountinfo line's root, mount point (escapes undone) and source.</summary>
    private sealed record MountLine(string Root, string Point, string Source)
    {
        public static MountLine Parse(string line)
        {
            var fields = line.Split(' ');
            string Unescape(string f) => Octal().Replace(f, m => ((char)Convert.ToInt32(m.Groups[1].Value, 8)).ToString());
            return new MountLine(Unescape(fields[3]), Unescape(fields[4]), fields[Array.IndexOf(fields, "-") + 2]);
        }
    }

    [GeneratedRegex(@"\\([0-7]{3})")]
    private static partial Regex Octal();
}
