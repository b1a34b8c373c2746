using Microsoft.Extensions.Options;

namespace Compila.Judge.Tests;

/// <summary>
/// A checkout under a private folder (mode 700, as /root or mktemp -d): the judge gives the sandbox a world-readable
/// copy of the TypeScript compiler on its own file system. Judges start while others compile from that copy, so it
/// must never be rewritten.
/// </summary>
public sealed class PrivateToolsTests
{
    [Fact]
    public async Task JudgesStartingWhileOthersCompile_ShareOneCopyThatIsNeverRewritten()
    {
        var repoTools = FindRepoTools();
        var privateRoot = Directory.CreateTempSubdirectory("compila-private-");
        var workRoot = Directory.CreateTempSubdirectory("compila-work-").FullName;
        var judges = new List<BubblewrapJudge>();
        try
        {
            File.SetUnixFileMode(privateRoot.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var tools = Path.Combine(privateRoot.FullName, "judge");
            Directory.CreateDirectory(tools);
            CopyTree(Path.Combine(repoTools, "node_modules"), Path.Combine(tools, "node_modules"));
            BubblewrapJudge NewJudge()
            {
                var judge = new BubblewrapJudge(Options.Create(new JudgeOptions { ToolsDirectory = tools, WorkRoot = workRoot, PoolSize = 1 }));
                lock (judges)
                {
                    judges.Add(judge);
                }

                return judge;
            }

            var first = NewJudge();
            Assert.True(Assert.Single(first.Languages, l => l.Id == "typescript").Available);
            string[] Copies() => Directory.GetDirectories(Path.Combine(first.WorkFileSystemRoot, "runtime"), "node_modules-*");
            var copy = Assert.Single(Copies());
            var compilerFile = Path.Combine(copy, "typescript", "lib", "typescript.js");
            var writtenAt = File.GetLastWriteTimeUtc(compilerFile);

            var program = new RunRequest("typescript", [new SourceFile("main.ts", "const n: number = 41;\nconsole.log(n + 1);\n")]);
            var compiles = Enumerable.Range(0, 3).Select(_ => first.RunAsync(program)).ToList();
            var others = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(NewJudge)));
            var results = await Task.WhenAll(compiles.Concat(others.Select(j => j.RunAsync(program))));

            Assert.All(results, r => Assert.Equal("42\n", r.Stdout));
            Assert.Equal([copy], Copies());
            Assert.Equal(writtenAt, File.GetLastWriteTimeUtc(compilerFile));
        }
        finally
        {
            judges.ForEach(j => j.Dispose());
            privateRoot.Delete(recursive: true);
            Directory.Delete(workRoot, recursive: true);
        }
    }

    private static string FindRepoTools()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Compila.slnx")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir!.FullName, "tools", "judge");
    }

    private static void CopyTree(string source, string destination)
    {
        foreach (var dir in Directory.GetDirectories(source, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(destination, Path.GetRelativePath(source, dir)));
        }

        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(destination, Path.GetRelativePath(source, file)));
        }
    }
}
