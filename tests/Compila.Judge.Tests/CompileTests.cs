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
