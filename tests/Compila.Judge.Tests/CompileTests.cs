using Microsoft.Extensions.Options;

namespace Compila.Judge.Tests;

public sealed class CompileTests(JudgeFixture fixture)
{
    public static TheoryData<string, string, string, string> CompileErrors => new()
    {
        { "typescript", "main.ts", "console.log(1);\nconst x: number = \"texto\";\n", "main.ts(2,7): error TS2322" },
        { "java", "Main.java", "public class Main {\n    public static void main(String[] args) {\n        int x = \"texto\";\n    }\n}\n", "Main.java:3: error" },
        { "go", "main.go", "package main\n\nfunc main() {\n\tundefinedThing()\n}\n", "main.go:4:2: undefined: undefinedThing" },
        { "csharp", "Program.cs", "Console.WriteLine(1);\nint x = \"texto\";\n", "Program.cs(2,9): error CS0029" },
    };

    [Theory, MemberData(nameof(CompileErrors))]
    public async Task CompileError_ReportsTheCompilersMessageAndLine(string language, string file, string code, string expected)
    {
        var result = await fixture.Judge.RunAsync(new RunRequest(language, [new SourceFile(file, code)]));

        Assert.Equal(RunStatus.CompilationError, result.Status);
        Assert.Contains(expected, result.CompileOutput, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    public static TheoryData<string, string, string, string> SyntaxErrors => new()
    {
        { "python", "main.py", "print(1)\nprint(\n", "line 2" },
        { "javascript", "main.js", "console.log(1);\nconst = ;\n", "main.js:2" },
    };

    [Theory, MemberData(nameof(SyntaxErrors))]
    public async Task SyntaxErrorInInterpretedLanguage_IsRuntimeErrorWithLine(string language, string file, string code, string expected)
    {
        var result = await fixture.Judge.RunAsync(new RunRequest(language, [new SourceFile(file, code)]));

        Assert.Equal(RunStatus.RuntimeError, result.Status);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task Go_WithTestFiles_BuildsTheTestBinary_WhichRunsTheSelectedTest()
    {
        var result = await fixture.Judge.RunBatchAsync(new BatchRequest("go",
            [
                new SourceFile("soma.go", "package main\n\nfunc soma(a, b int) int { return a + b + 1 }\n"),
                new SourceFile("soma_test.go", "package main\n\nimport \"testing\"\n\nfunc TestSoma(t *testing.T) {\n\tif soma(2, 3) != 5 {\n\t\tt.Errorf(\"soma(2, 3) = %d\", soma(2, 3))\n\t}\n}\n\nfunc TestOutro(t *testing.T) {}\n"),
            ],
            [new RunInput(Args: ["-test.v", "-test.run", "^TestSoma$"]), new RunInput(Args: ["-test.run", "^TestOutro$"])]));

        Assert.True(result.Compiled, result.CompileOutput);
        Assert.Equal(RunStatus.RuntimeError, result.Runs[0].Status);
        Assert.Contains("soma_test.go:7: soma(2, 3) = 6", result.Runs[0].Stdout, StringComparison.Ordinal);
        Assert.Contains("--- FAIL: TestSoma", result.Runs[0].Stdout, StringComparison.Ordinal);
        Assert.Equal(RunStatus.Accepted, result.Runs[1].Status);
        Assert.Equal("PASS\n", result.Runs[1].Stdout);
    }

    [Fact]
    public async Task Java_HasJUnit5OnTheClassPath()
    {
        const string code = """
            import org.junit.jupiter.api.Assertions;

            public class Main {
                public static void main(String[] args) {
                    Assertions.assertEquals(2, 1 + 1);
                    System.out.println(Assertions.class.getProtectionDomain().getCodeSource().getLocation());
                }
            }
            """;

        var result = await fixture.Judge.RunAsync(new RunRequest("java", [new SourceFile("Main.java", code)]));

        Assert.Equal(RunStatus.Accepted, result.Status);
        Assert.Equal("file:/usr/share/java/junit-platform-console-standalone.jar\n", result.Stdout);
    }

    [Fact]
    public async Task Java_WithoutJUnitInTheSources_CompilesWithoutIt()
    {
        // JUnit on the class path makes javac a third slower, so only sources that use it get it.
        const string code = """
            public class Main {
                public static void main(String[] args) {
                    try {
                        Class.forName("org." + "junit.jupiter.api.Assertions");
                        System.out.println("present");
                    } catch (ClassNotFoundException e) {
                        System.out.println("absent");
                    }
                }
            }
            """;

        var result = await fixture.Judge.RunAsync(new RunRequest("java", [new SourceFile("Main.java", code)]));

        Assert.Equal("absent\n", result.Stdout);
    }

    [Fact]
    public async Task CSharp_TheCompileServerAndCsc_GiveTheSameProgramAndTheSameMessages()
    {
        using var cscOnly = new BubblewrapJudge(Options.Create(new JudgeOptions { UseCompileServers = false }));
        const string hello = "var xs = new List<int> { 1, 2, 3 };\nConsole.WriteLine($\"Olá {xs.Sum()}\");\n";
        const string broken = "string? s = null;\nConsole.WriteLine(s.Length);\nint x = \"texto\";\n";

        var served = await fixture.Judge.RunAsync(new RunRequest("csharp", [new SourceFile("Program.cs", hello)]));
        var compiled = await cscOnly.RunAsync(new RunRequest("csharp", [new SourceFile("Program.cs", hello)]));
        var servedError = await fixture.Judge.RunAsync(new RunRequest("csharp", [new SourceFile("Program.cs", broken)]));
        var compiledError = await cscOnly.RunAsync(new RunRequest("csharp", [new SourceFile("Program.cs", broken)]));

        Assert.Equal("Olá 6\n", served.Stdout);
        Assert.Equal(served.Stdout, compiled.Stdout);
        Assert.Equal(RunStatus.CompilationError, servedError.Status);
        Assert.Contains("Program.cs(2,19): warning CS8602", servedError.CompileOutput, StringComparison.Ordinal);
        Assert.Contains("Program.cs(3,9): error CS0029", servedError.CompileOutput, StringComparison.Ordinal);
        Assert.Equal(compiledError.CompileOutput, servedError.CompileOutput);
    }

    [Fact]
    public async Task CSharp_CompileServer_RunsInItsOwnSandbox_AsAnUnprivilegedUser_WithoutNetwork()
    {
        // Uids of its own, to tell its server from other judges' in this test run.
        using var judge = new BubblewrapJudge(Options.Create(new JudgeOptions { SandboxUidBase = 140000 }));
        var result = await judge.RunAsync(new RunRequest("csharp", [new SourceFile("Program.cs", "Console.WriteLine(1);")]));

        static int Uid(string pid) => int.Parse(
            File.ReadAllLines($"/proc/{pid}/status").Single(l => l.StartsWith("Uid:", StringComparison.Ordinal)).Split('\t')[1],
            System.Globalization.CultureInfo.InvariantCulture);
        var pid = Assert.Single(
            JudgeFixture.Survivors("csharp-compile-server/server.dll").Select(p => p.Split(':')[0]),
            p => Uid(p) is >= 140000 and < 150000 && File.ReadAllText($"/proc/{p}/cmdline").Split('\0')[0].EndsWith("/dotnet", StringComparison.Ordinal));

        Assert.Equal("1\n", result.Stdout);
        Assert.NotEqual(new FileInfo("/proc/self/ns/net").LinkTarget, new FileInfo($"/proc/{pid}/ns/net").LinkTarget);
        Assert.NotEqual(new FileInfo("/proc/self/ns/mnt").LinkTarget, new FileInfo($"/proc/{pid}/ns/mnt").LinkTarget);
        judge.Dispose();
        await JudgeFixture.WaitUntil(() => !JudgeFixture.Survivors("csharp-compile-server/server.dll").Any(p => p.StartsWith(pid + ":", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task CSharp_ACompileBomb_StopsAtTheCompileTimeLimit_AndTheNextCompileWorks()
    {
        var options = new JudgeOptions();
        options.CompileLimits.CpuTimeSeconds = 3;
        options.CompileLimits.WallTimeSeconds = 5;
        using var judge = new BubblewrapJudge(Options.Create(options));
        // Each nested lambda is bound against both overloads: 2^18 bindings.
        var call = Enumerable.Range(0, 18).Reverse().Aggregate("0", (inner, i) => $"M(a{i} => {inner})");
        var bomb = $"class P {{ static int M(System.Func<int, int> f) => 0; static int M(System.Func<string, int> f) => 0; static void Main() => System.Console.WriteLine({call}); }}";

        var stopped = await judge.RunAsync(new RunRequest("csharp", [new SourceFile("Program.cs", bomb)]));
        var next = await judge.RunAsync(new RunRequest("csharp", [new SourceFile("Program.cs", "Console.WriteLine(42);")]));

        Assert.Equal(RunStatus.CompilationError, stopped.Status);
        Assert.Contains("Compilation exceeded its time limit.", stopped.CompileOutput, StringComparison.Ordinal);
        Assert.Equal("42\n", next.Stdout);
    }

    [Fact]
    public async Task CSharp_AcceptsAClassWithMain()
    {
        const string code = "namespace App;\n\npublic static class Program\n{\n    public static void Main(string[] args)\n    {\n        Console.WriteLine(\"main \" + args.Length);\n    }\n}\n";

        var result = await fixture.Judge.RunAsync(new RunRequest("csharp", [new SourceFile("Program.cs", code)], Args: ["a", "b"]));

        Assert.Equal(RunStatus.Accepted, result.Status);
        Assert.Equal("main 2\n", result.Stdout);
    }

    [Fact]
    public async Task Batch_CompilesOnceAndRunsEveryInputInOrder()
    {
        const string code = "package main\n\nimport (\n\t\"bufio\"\n\t\"fmt\"\n\t\"os\"\n)\n\nfunc main() {\n\ts := bufio.NewScanner(os.Stdin)\n\tsum := 0\n\tfor s.Scan() {\n\t\tvar n int\n\t\tfmt.Sscan(s.Text(), &n)\n\t\tsum += n\n\t}\n\tfmt.Println(sum)\n}\n";

        var batch = await fixture.Judge.RunBatchAsync(new BatchRequest(
            "go", [new SourceFile("main.go", code)], [new RunInput("1\n2\n"), new RunInput("10\n20\n30\n"), new RunInput("")]));

        Assert.True(batch.Compiled);
        Assert.True(batch.CompileWallTimeMs > 0);
        Assert.Equal(["3\n", "60\n", "0\n"], batch.Runs.Select(r => r.Stdout));
        Assert.All(batch.Runs, r => Assert.Equal(RunStatus.Accepted, r.Status));
        Assert.All(batch.Runs, r => Assert.Equal(batch.RunId, r.RunId));
    }

    [Fact]
    public async Task Batch_WithACompileError_HasNoRuns()
    {
        var batch = await fixture.Judge.RunBatchAsync(new BatchRequest(
            "java", [new SourceFile("Main.java", "public class Main { void broken( }")], [new RunInput(), new RunInput()]));

        Assert.False(batch.Compiled);
        Assert.Empty(batch.Runs);
        Assert.Contains("Main.java:1: error", batch.CompileOutput, StringComparison.Ordinal);
    }
}
