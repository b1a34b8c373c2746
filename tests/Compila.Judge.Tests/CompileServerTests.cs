using Microsoft.Extensions.Options;

namespace Compila.Judge.Tests;

public sealed class CompileServerTests
{
    /// <summary>Each nested lambda is bound against all three overloads: 3^n bindings, minutes of Roslyn for n = 14.</summary>
    private static string CompileBomb(int depth = 14)
    {
        var call = Enumerable.Range(0, depth).Reverse().Aggregate("0", (inner, i) => $"M(a{i} => {inner})");
        return "class P { static int M(System.Func<int, int> f) => 0; static int M(System.Func<string, int> f) => 0; "
            + $"static int M(System.Func<long, int> f) => 0; static void Main() => System.Console.WriteLine({call}); }}";
    }

    [Fact]
    public async Task CSharp_ACompileBomb_DoesNotHoldUpAnotherUsersCompile()
    {
        using var judge = new BubblewrapJudge(Options.Create(new JudgeOptions { PoolSize = 2 }));
        using var stopBomb = new CancellationTokenSource();

        var bomb = judge.RunAsync(new RunRequest("csharp", [new SourceFile("Program.cs", CompileBomb())]), stopBomb.Token);
        // The bomb owns a server from its start on: with a single server, the normal compile would queue behind it.
        await JudgeFixture.WaitUntil(() => judge.CompileServersUp("csharp") == 1, TimeSpan.FromSeconds(60));
        var normal = await judge.RunAsync(new RunRequest("csharp", [new SourceFile("Program.cs", "Console.WriteLine(42);")]));
        var bombStillCompiling = !bomb.IsCompleted;
        await stopBomb.CancelAsync();

        Assert.Equal(RunStatus.Accepted, normal.Status);
        Assert.Equal("42\n", normal.Stdout);
        Assert.True(bombStillCompiling, "the normal compile waited for the compile bomb");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => bomb);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CSharp_ACompileOverItsTimeLimit_IsACompilationErrorInPortuguese(bool compileServers)
    {
        var options = new JudgeOptions { UseCompileServers = compileServers };
        options.CompileLimits.CpuTimeSeconds = 3;
        options.CompileLimits.WallTimeSeconds = 5;
        using var judge = new BubblewrapJudge(Options.Create(options));

        var result = await judge.RunAsync(new RunRequest("csharp", [new SourceFile("Program.cs", CompileBomb())]));

        Assert.Equal(RunStatus.CompilationError, result.Status);
        Assert.Contains("Tempo limite de compilação excedido", result.CompileOutput, StringComparison.Ordinal);
    }
}
