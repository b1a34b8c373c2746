using System.Text;
using Microsoft.Extensions.Options;

namespace Compila.Judge.Tests;

public sealed class OutputHygieneTests(JudgeFixture fixture)
{
    private const int CompileOutputCap = 64 * 1024;

    /// <summary>Five thousand errors of about 90 bytes each: several times the compile output cap.</summary>
    private static readonly string ManyErrors = string.Concat(Enumerable.Range(0, 5000).Select(i => $"int x{i} = \"texto\";\n"));

    [Fact]
    public async Task CSharp_CompileOutputOnTheCompileServer_IsCappedAt64Kilobytes()
    {
        var result = await fixture.Judge.RunAsync(new RunRequest("csharp", [new SourceFile("Program.cs", ManyErrors)]));

        AssertCappedCompileErrors(result);
    }

    [Fact]
    public async Task CSharp_CompileOutputOfTheCscStep_IsCappedAt64Kilobytes()
    {
        using var judge = new BubblewrapJudge(Options.Create(new JudgeOptions { UseCompileServers = false }));

        var result = await judge.RunAsync(new RunRequest("csharp", [new SourceFile("Program.cs", ManyErrors)]));

        AssertCappedCompileErrors(result);
    }

    private static void AssertCappedCompileErrors(RunResult result)
    {
        Assert.Equal(RunStatus.CompilationError, result.Status);
        Assert.Contains("Program.cs(1,10): error CS0029", result.CompileOutput, StringComparison.Ordinal);
        Assert.True(Encoding.UTF8.GetByteCount(result.CompileOutput!) <= CompileOutputCap, $"{Encoding.UTF8.GetByteCount(result.CompileOutput!)} bytes");
        Assert.Contains("Saída do compilador truncada no limite.", result.CompileOutput, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> NodeFloods => new()
    {
        // Writes in a loop that never yields to the event loop, each as large as a pipe's buffer, so the pipe is full
        // at once whatever the judge's reading speed: from then on a non-blocking stdout queues every write in the heap.
        { "javascript", "main.js", "while (true) console.log(\"x\".repeat(1 << 16));\n" },
        { "typescript", "main.ts", "let i: number = 0;\nwhile (true) process.stdout.write(`${i++}`.padEnd(1 << 16, \"x\"));\n" },
    };

    [Theory, MemberData(nameof(NodeFloods))]
    public async Task Node_FloodingStdout_IsOutputLimitExceeded_NotMemoryLimitExceeded(string language, string file, string code)
    {
        var result = await fixture.Judge.RunAsync(new RunRequest(language, [new SourceFile(file, code)]));

        Assert.Equal(RunStatus.OutputLimitExceeded, result.Status);
        Assert.True(result.StdoutTruncated);
        Assert.Equal(1024 * 1024, Encoding.UTF8.GetByteCount(result.Stdout));
    }

    [Fact]
    public async Task Node_FloodingStderr_IsOutputLimitExceeded_NotMemoryLimitExceeded()
    {
        var result = await fixture.Judge.RunAsync(new RunRequest("javascript",
            [new SourceFile("main.js", "while (true) console.error(\"erro \".repeat(1 << 14));\n")]));

        Assert.Equal(RunStatus.OutputLimitExceeded, result.Status);
        Assert.True(result.StderrTruncated);
    }
}
