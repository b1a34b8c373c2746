using Compila.ChallengeSuites.Specs;
using Compila.Web.Features.SmartSolver.Offline;

namespace Compila.Web.Tests.Features.SmartSolver;

/// <summary>The offline engine's parsers on their own: compiler and runtime output, and the static checks.</summary>
[Trait("Lane", "Fast")]
public sealed class OfflineEngineTests
{
    [Theory]
    [InlineData("java", "Main.java:7: error: ';' expected\n        int x = 1\n                 ^\n1 error", 7, "';' expected")]
    [InlineData("go", "# command-line-arguments\n./main.go:5:2: declared and not used: sobra", 5, "declared and not used: sobra")]
    [InlineData("typescript", "main.ts(3,9): error TS2322: Type 'string' is not assignable to type 'number'.", 3, "TS2322: Type 'string' is not assignable to type 'number'.")]
    [InlineData("csharp", "/box/Program.cs(4,20): error CS0029: Cannot implicitly convert type 'string' to 'long'", 4, "CS0029: Cannot implicitly convert type 'string' to 'long'")]
    public void CompileErrors_AreMappedToTheLearnersLine(string language, string output, int line, string message)
    {
        var diagnostic = Diagnostics.FirstCompileError(language, output, learnerLines: 20)!;
        Assert.Equal(line, diagnostic.Line);
        Assert.Equal(message, diagnostic.Message);
    }

    [Fact]
    public void ALineBeyondTheLearnersCode_BelongsToTheHarness()
    {
        Assert.Null(Diagnostics.FirstCompileError("java", "Main.java:42: error: incompatible types", learnerLines: 10)!.Line);
    }

    [Theory]
    [InlineData("python", "Traceback (most recent call last):\n  File \"/box/main.py\", line 60, in <module>\n  File \"/box/main.py\", line 3, in soma\n  File \"/box/main.py\", line 7, in ajuda\nZeroDivisionError: division by zero", 7)]
    [InlineData("javascript", "/box/main.js:4\n  return x.y.z;\n             ^\nTypeError: Cannot read properties of undefined (reading 'z')\n    at soma (/box/main.js:4:14)\n    at main (/box/main.js:80:3)", 4)]
    [InlineData("go", "goroutine 1 [running]:\nmain.soma(...)\n\t/box/main.go:9 +0x1d\nmain.main()\n\t/box/main.go:120 +0x25", 9)]
    [InlineData("java", "Exception in thread \"main\" java.lang.ArithmeticException: / by zero\n\tat Solution.soma(Main.java:5)\n\tat Main.main(Main.java:90)", 5)]
    public void RuntimeTraces_AreMappedToTheDeepestLearnerFrame(string language, string trace, int line)
    {
        Assert.Equal(line, Diagnostics.RuntimeLine(language, trace, learnerLines: 12)!.Line);
    }

    [Theory]
    [InlineData("python", "def f(xs):\n    total = 0\n    nao_usada = 3\n    for x in xs:\n        total += x\n    return total", FindingKind.UnusedVariable, 3)]
    [InlineData("javascript", "function f(xs) {\n  let t = 0;\n  for (const x of xs) {\n    let t = x;\n    t += 1;\n  }\n  return t;\n}", FindingKind.Shadowing, 4)]
    [InlineData("java", "class Solution {\n    static long f(List<Long> xs) {\n        long c = 0;\n        for (long a : xs) {\n            for (long b : xs) {\n                if (a == b) c++;\n            }\n        }\n        return c;\n    }\n}", FindingKind.NestedLoops, 5)]
    [InlineData("go", "package main\n\nfunc f(xs []int64) int64 {\n\ti := 0\n\tfor i < len(xs) {\n\t\txs[0] = 1\n\t}\n\treturn 0\n}", FindingKind.InfiniteLoop, 5)]
    [InlineData("python", "def f(xs):\n    # xs.append(1) is only a comment\n    s = \"xs.sort()\"\n    return s + str(xs[0])", FindingKind.EmptyInput, 4)]
    public void StaticChecks_PointAtTheLine(string language, string code, FindingKind kind, int line)
    {
        var findings = StaticChecks.Run(new SourceCode(language, code), [new LearnerParameter("xs", TypeKind.List)], moneyChallenge: false, intsAreLong: true);
        Assert.Contains(findings, f => f.Kind == kind && f.Line == line);
        Assert.DoesNotContain(findings, f => f.Kind == FindingKind.MutatedArgument && language == "python");
    }

    [Fact]
    public void StaticChecks_AcceptAGuardedEmptyInputAndIntegerDivision()
    {
        var code = "function f(xs) {\n  if (xs.length === 0) return null;\n  return xs[Math.floor(xs.length / 2)];\n}";
        var findings = StaticChecks.Run(new SourceCode("javascript", code), [new LearnerParameter("xs", TypeKind.List)], moneyChallenge: true, intsAreLong: true);
        Assert.Empty(findings);
    }
}
