using Compila.ChallengeSuites.Running;
using Compila.ChallengeSuites.Specs;
using static Compila.ChallengeSuites.Tests.Harness.HarnessTestKit;

namespace Compila.ChallengeSuites.Tests.Harness;

/// <summary>What learner code does wrong or oddly, in every language, through the real sandbox.</summary>
public sealed class LearnerBehaviourTests(JudgeFixture fixture)
{
    static readonly FunctionTestSpec DoubleSpec = new(
        Signature("dobrar", "int", ("n", "int")),
        [
            Case("dobra dois", "[2]", "4"),
            Case("dobra zero", "[0]", "0"),
            Case("dobra negativo", "[-21]", "-42", hidden: true),
        ]);

    public static readonly TheoryData<string, string> WrongTypeCode = new()
    {
        { "python", "def dobrar(n):\n    return str(n * 2)\n" },
        { "javascript", "function dobrar(n) {\n  return String(n * 2);\n}\n" },
        { "typescript", "function dobrar(n: number): number {\n  return String(n * 2) as any;\n}\n" },
        { "java", "class Solution {\n    static String dobrar(long n) {\n        return Long.toString(n * 2);\n    }\n}\n" },
        { "go", "package main\n\nimport \"fmt\"\n\nfunc dobrar(n int64) string {\n\treturn fmt.Sprint(n * 2)\n}\n" },
        { "csharp", "public static class Solution\n{\n    public static string Dobrar(long n) => (n * 2).ToString();\n}\n" },
    };

    [Theory]
    [MemberData(nameof(WrongTypeCode))]
    public async Task WrongReturnType_FailsEveryCaseWithATypeMessage(string language, string code)
    {
        var result = await RunAsync(fixture.Judge, language, DoubleSpec, code);

        Assert.Equal(0, result.Passed);
        Assert.All(result.Tests, t =>
        {
            Assert.Equal(TestStatus.Fail, t.Status);
            Assert.Contains("Tipo de retorno incorreto", t.Message, StringComparison.Ordinal);
            Assert.Contains("esperado int", t.Message, StringComparison.Ordinal);
        });
        Assert.Equal("\"4\"", result.Tests[0].Actual);
    }

    public static readonly TheoryData<string, string, string> ThrowingCode = new()
    {
        { "python", "def dobrar(n):\n    if n == 0:\n        raise ValueError(\"zero não pode\")\n    return n * 2\n", "ValueError: zero não pode" },
        { "javascript", "function dobrar(n) {\n  if (n === 0) throw new RangeError(\"zero não pode\");\n  return n * 2;\n}\n", "RangeError: zero não pode" },
        { "typescript", "function dobrar(n: number): number {\n  if (n === 0) throw new RangeError(\"zero não pode\");\n  return n * 2;\n}\n", "RangeError: zero não pode" },
        { "java", "class Solution {\n    static long dobrar(long n) {\n        if (n == 0) throw new IllegalArgumentException(\"zero não pode\");\n        return n * 2;\n    }\n}\n", "IllegalArgumentException: zero não pode" },
        { "go", "package main\n\nfunc dobrar(n int64) int64 {\n\tif n == 0 {\n\t\tpanic(\"zero não pode\")\n\t}\n\treturn n * 2\n}\n", "panic: zero não pode" },
        { "csharp", "public static class Solution\n{\n    public static long Dobrar(long n) => n == 0 ? throw new ArgumentException(\"zero não pode\") : n * 2;\n}\n", "ArgumentException: zero não pode" },
    };

    [Theory]
    [MemberData(nameof(ThrowingCode))]
    public async Task ExceptionInLearnerCode_IsAnErrorForThatCaseOnly(string language, string code, string message)
    {
        var result = await RunAsync(fixture.Judge, language, DoubleSpec, code);

        Assert.True(result.Tests[0].Status == TestStatus.Pass, Describe(result));
        Assert.Equal(TestStatus.Error, result.Tests[1].Status);
        Assert.Contains(message, result.Tests[1].Message, StringComparison.Ordinal);
        Assert.Equal(TestStatus.Pass, result.Tests[2].Status);
        Assert.Equal(SuiteStatus.Fail, result.Status);
        Assert.Equal(66, result.Score);
    }

    public static readonly TheoryData<string, string> PrintingCode = new()
    {
        { "python", "def dobrar(n):\n    print(\"calculando\", n)\n    return n * 2\n" },
        { "javascript", "function dobrar(n) {\n  console.log(\"calculando\", n);\n  return n * 2;\n}\n" },
        { "typescript", "function dobrar(n: number): number {\n  console.log(\"calculando\", n);\n  return n * 2;\n}\n" },
        { "java", "class Solution {\n    static long dobrar(long n) {\n        System.out.println(\"calculando \" + n);\n        return n * 2;\n    }\n}\n" },
        { "go", "package main\n\nimport \"fmt\"\n\nfunc dobrar(n int64) int64 {\n\tfmt.Println(\"calculando\", n)\n\treturn n * 2\n}\n" },
        { "csharp", "public static class Solution\n{\n    public static long Dobrar(long n)\n    {\n        Console.WriteLine($\"calculando {n}\");\n        return n * 2;\n    }\n}\n" },
    };

    [Theory]
    [MemberData(nameof(PrintingCode))]
    public async Task PrintsWhileReturning_AreKeptApartFromTheResult(string language, string code)
    {
        var result = await RunAsync(fixture.Judge, language, DoubleSpec, code);

        Assert.True(result.Status == SuiteStatus.Pass, Describe(result));
        Assert.Equal("calculando 2\n", result.Tests[0].Output);
        Assert.Equal("calculando 0\n", result.Tests[1].Output);
        Assert.Equal("calculando -21\n", result.Tests[2].Output);
        Assert.Equal("4", result.Tests[0].Actual);
    }

    static readonly FunctionTestSpec LoopSpec = new(
        Signature("dobrar", "int", ("n", "int")),
        [
            Case("dobra dois", "[2]", "4"),
            Case("dobra zero", "[0]", "0"),
            Case("dobra cinco", "[5]", "10"),
            Case("dobra negativo", "[-21]", "-42", hidden: true),
        ]);

    public static readonly TheoryData<string, string> InfiniteLoopCode = new()
    {
        { "python", "def dobrar(n):\n    while n == 0:\n        pass\n    return n * 2\n" },
        { "javascript", "function dobrar(n) {\n  while (n === 0) {}\n  return n * 2;\n}\n" },
        { "typescript", "function dobrar(n: number): number {\n  while (n === 0) {}\n  return n * 2;\n}\n" },
        { "java", "class Solution {\n    static volatile long sink;\n    static long dobrar(long n) {\n        while (n == 0) { sink++; }\n        return n * 2;\n    }\n}\n" },
        { "go", "package main\n\nvar sink int64\n\nfunc dobrar(n int64) int64 {\n\tfor n == 0 {\n\t\tsink++\n\t}\n\treturn n * 2\n}\n" },
        { "csharp", "public static class Solution\n{\n    static long sink;\n    public static long Dobrar(long n)\n    {\n        while (n == 0) { sink++; }\n        return n * 2;\n    }\n}\n" },
    };

    [Theory]
    [MemberData(nameof(InfiniteLoopCode))]
    public async Task ProcessKilledMidway_FinishedCasesStand_RunningOneErrors_RestAreRetried(string language, string code)
    {
        var limits = new RunLimits { CpuTimeSeconds = 2, WallTimeSeconds = 3 };
        var judge = new RecordingJudge(fixture.Judge);

        var result = await RunAsync(judge, language, LoopSpec, code, limits);

        Assert.True(result.Tests[0].Status == TestStatus.Pass, Describe(result));
        Assert.Equal(TestStatus.Error, result.Tests[1].Status);
        Assert.Contains("Tempo limite excedido", result.Tests[1].Message, StringComparison.Ordinal);
        Assert.True(result.Tests[2].Status == TestStatus.Pass, Describe(result));
        Assert.True(result.Tests[3].Status == TestStatus.Pass, Describe(result));
        Assert.Equal(3, result.Passed);
        // One batch ran visible and hidden cases (one compile); a second one retried the case after the loop.
        var batches = judge.Batches.Select(b => b.Request).ToList();
        Assert.Equal(["[2]\n[0]\n[5]\n", "[-21]\n"], batches[0].Inputs.Select(i => i.Stdin));
        Assert.Equal(["[5]\n"], batches[^1].Inputs.Select(i => i.Stdin));
    }
}
