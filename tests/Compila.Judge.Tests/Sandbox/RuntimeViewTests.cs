using Compila.Judge.Sandbox;

namespace Compila.Judge.Tests.Sandbox;

/// <summary>
/// How a language's view of the host is derived from the real files (the sandboxes that use it are tested in
/// InformationLeakTests): ELF dependencies, links kept as links, libraries staged into one folder, and a missing
/// path failing instead of widening the view.
/// </summary>
public sealed class RuntimeViewTests : IDisposable
{
    private readonly string _workRoot = Directory.CreateTempSubdirectory("compila-judge-view-").FullName;
    private readonly WorkFileSystem _fs;

    public RuntimeViewTests() => _fs = WorkFileSystem.Acquire(_workRoot, 0, mayMount: false);

    public void Dispose()
    {
        _fs.Dispose();
        Directory.Delete(_workRoot, recursive: true);
    }

    [Fact]
    public void ElfFile_ReadsTheInterpreterAndTheNeededLibraries()
    {
        var elf = ElfFile.Read("/usr/bin/timeout");

        Assert.NotNull(elf);
        Assert.StartsWith("/lib", elf.Interpreter, StringComparison.Ordinal);
        Assert.Contains("libc.so.6", elf.Needed);
        Assert.Null(ElfFile.Read("/etc/os-release"));
    }

    [Fact]
    public void Executable_GetsItsLinksItsLibrariesInOneStagedFolder_AndNothingElseOfUsr()
    {
        var view = RuntimeViewBuilder.Base(_fs).Executable("/usr/bin/python3").Build();

        // /usr/bin/python3 is a link on Debian: the sandbox gets the same link and the file it points to.
        var python = new FileInfo("/usr/bin/python3");
        if (python.LinkTarget is { } target)
        {
            Assert.Contains(new Symlink(target, "/usr/bin/python3"), view.Links);
        }

        var real = python.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? python.FullName;
        Assert.Contains(new Bind(real, real), view.Binds);
        var libraries = Assert.Single(view.Binds, b => b.Target.EndsWith("-linux-gnu", StringComparison.Ordinal));
        Assert.StartsWith(_fs.StagingFolder + "/libs-", libraries.Source, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(libraries.Source, "libc.so.6")));
        Assert.True(Directory.GetFileSystemEntries(libraries.Source).Length < Directory.GetFileSystemEntries(libraries.Target).Length / 4);
        Assert.DoesNotContain(view.Binds, b => b.Target is "/usr" or "/usr/lib" or "/usr/bin" or "/etc");
    }

    [Fact]
    public void RequiredPathMissing_FailsWithThePath_InsteadOfBindingMore()
    {
        var missing = "/usr/lib/compila-missing-" + Guid.NewGuid().ToString("N");

        var error = Assert.Throws<FileNotFoundException>(() => RuntimeViewBuilder.Base(_fs).Require(missing));
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.Throws<FileNotFoundException>(() => RuntimeViewBuilder.Base(_fs).Library("libcompila-missing.so.1", required: true));
    }
}
