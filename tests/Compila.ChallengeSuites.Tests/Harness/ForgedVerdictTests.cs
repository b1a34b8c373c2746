using Compila.ChallengeSuites.Content;
using Compila.ChallengeSuites.Running;
using Compila.ChallengeSuites.Specs;

namespace Compila.ChallengeSuites.Tests.Harness;

/// <summary>
/// Regression for issue 14 point 1: carteira-pix once ran its tests in the learner's process and trusted what
/// they printed. Every attack here forged a pass then; now each must end with the suite not passing.
/// </summary>
public sealed class ForgedVerdictTests(JudgeFixture fixture)
{
    static ChallengeSuite Challenge => JudgeFixture.Catalog.Catalog!.Find("carteira-pix")!;

    static string Starter(string language) => Challenge.Languages[language].Starter[0].Content;

    /// <summary>Every shape a record could take: the old native runners', the function driver's and the scenario driver's for every (case, step).</summary>
    const string PythonForgery = """

        import os as _os, sys as _sys
        for _c in range(12):
            for _s in range(10):
                _sys.stdout.write('@@COMPILA@@{"c":%d,"s":%d,"ok":true,"value":null,"ms":0,"out":""}\n' % (_c, _s))
        _sys.stdout.write('@@COMPILA@@{"status":"pass","name":"depósitos somam no saldo","ms":1}\n')
        _sys.stdout.write('@@COMPILA@@{"ok":true,"value":null,"ms":0,"out":""}\n')
        _sys.stdout.flush()
        """;

    const string JsForgery = """

        for (let c = 0; c < 12; c++) for (let s = 0; s < 10; s++)
          (globalThis as any).process.stdout.write(`@@COMPILA@@{"c":${c},"s":${s},"ok":true,"value":null,"ms":0,"out":""}\n`);
        (globalThis as any).process.stdout.write('@@COMPILA@@{"status":"pass","name":"x","ms":1}\n@@COMPILA@@{"ok":true,"value":null,"ms":0,"out":""}\n');
        """;

    static string Forge(string language, bool exit) => language switch
    {
        "python" => Starter(language) + PythonForgery + (exit ? "_os._exit(0)\n" : ""),
        "javascript" => Starter(language) + JsForgery.Replace("(globalThis as any).", "", StringComparison.Ordinal) + (exit ? "process.exit(0);\n" : ""),
        "typescript" => Starter(language) + JsForgery + (exit ? "(globalThis as any).process.exit(0);\n" : ""),
        "java" => Starter(language).Replace("class CarteiraPix {", """
            class CarteiraPix {
                static {
                    java.io.PrintStream real = new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true);
                    for (int c = 0; c < 12; c++) for (int s = 0; s < 10; s++)
                        real.print("@@COMPILA@@{\"c\":" + c + ",\"s\":" + s + ",\"ok\":true,\"value\":null,\"ms\":0,\"out\":\"\"}\n");
                    real.print("@@COMPILA@@{\"status\":\"pass\",\"name\":\"x\",\"ms\":1}\n");
                    real.flush();
                    EXIT
                }
            """.Replace("EXIT", exit ? "System.exit(0);" : "", StringComparison.Ordinal), StringComparison.Ordinal),
        "go" => Starter(language).Replace("import \"errors\"", """
            import (
            	"errors"
            	"fmt"
            	"os"
            )

            func init() {
            	for c := 0; c < 12; c++ {
            		for s := 0; s < 10; s++ {
            			fmt.Printf("@@COMPILA@@{\"c\":%d,\"s\":%d,\"ok\":true,\"value\":null,\"ms\":0,\"out\":\"\"}\n", c, s)
            		}
            	}
            	fmt.Println("=== RUN   TestDepositos\n--- PASS: TestDepositos (0.00s)\nPASS")
            	EXIT
            }
            """.Replace("EXIT", exit ? "os.Exit(0)" : "_ = os.Stdout", StringComparison.Ordinal), StringComparison.Ordinal),
        "csharp" => Starter(language) + """

            static class Forgery
            {
                [System.Runtime.CompilerServices.ModuleInitializer]
                internal static void Init()
                {
                    for (var c = 0; c < 12; c++) for (var s = 0; s < 10; s++)
                        Console.Write("@@COMPILA@@{\"c\":" + c + ",\"s\":" + s + ",\"ok\":true,\"value\":null,\"ms\":0,\"out\":\"\"}\n");
                    Console.Write("@@COMPILA@@{\"status\":\"pass\",\"name\":\"x\",\"ms\":1}\n");
                    Console.Out.Flush();
                    EXIT
                }
            }
            """.Replace("EXIT", exit ? "Environment.Exit(0);" : "", StringComparison.Ordinal),
        _ => throw new ArgumentException(language),
    };

    public static TheoryData<string> Languages => new(Compila.ChallengeSuites.Harness.TestLanguages.All.Select(l => l.Id));

    async Task<TestRunResult> RunAsync(string language, string code, IJudge? judge = null)
    {
        var result = await new ChallengeTestRunner(judge ?? fixture.Judge).RunAsync(Challenge, language, [new SourceFile("code", code)], TestContext.Current.CancellationToken);
        Assert.True(result.Tests.Count == Challenge.Tests.CaseCount, HarnessTestKit.Describe(result));
        return result;
    }

    static void AssertNotPassed(TestRunResult result)
    {
        Assert.NotEqual(SuiteStatus.Pass, result.Status);
        Assert.True(result.Passed < result.Total, HarnessTestKit.Describe(result));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task ForgedRecordsPrintedByTheCode_DoNotPass(string language)
    {
        var result = await RunAsync(language, Forge(language, exit: false));

        AssertNotPassed(result);
        Assert.Contains(result.Tests, t => t.Message?.Contains("mais de um resultado", StringComparison.Ordinal) == true);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task ForgedRecordsThenAnEarlyExitAtLoadTime_DoNotPass(string language)
    {
        var result = await RunAsync(language, Forge(language, exit: true));

        AssertNotPassed(result);
        Assert.True(result.Passed <= 2, HarnessTestKit.Describe(result));
    }

    [Fact]
    public async Task Python_PatchingJsonDumpsAndStdout_DoesNotPass()
    {
        var code = Starter("python") + """

            import json as _json, sys as _sys
            _real_dumps = _json.dumps
            def _dumps(obj, *a, **k):
                if isinstance(obj, dict) and "c" in obj:
                    obj = {"c": obj["c"], "s": obj["s"], "ok": True, "value": None, "ms": 0, "out": ""}
                return _real_dumps(obj, *a, **k)
            _json.dumps = _dumps

            class _Out:
                def __init__(self, inner):
                    self.inner = inner
                def write(self, text):
                    return self.inner.write(text.replace('"ok": false', '"ok": true'))
                def flush(self):
                    return self.inner.flush()
            _sys.stdout = _Out(_sys.stdout)
            """;

        AssertNotPassed(await RunAsync("python", code));
    }

    [Theory]
    [InlineData("javascript")]
    [InlineData("typescript")]
    public async Task Js_PatchingStdoutWriteAndJsonStringify_DoesNotPass(string language)
    {
        var patch = """

            const __w = (globalThis as any).process.stdout.write.bind((globalThis as any).process.stdout);
            (globalThis as any).process.stdout.write = (chunk: any, ...rest: any[]) =>
              __w(String(chunk).replace(/"ok":false,"kind":"\w+","error":"(?:[^"\\]|\\.)*"/g, '"ok":true,"value":null'), ...rest);
            const __s = JSON.stringify;
            (JSON as any).stringify = (v: any, ...rest: any[]) => typeof v === "string" && v.includes("ainda não") ? '""' : __s(v, ...rest);
            """;
        if (language == "javascript")
        {
            patch = patch.Replace("(globalThis as any).", "", StringComparison.Ordinal).Replace("(JSON as any)", "JSON", StringComparison.Ordinal)
                .Replace("(chunk: any, ...rest: any[])", "(chunk, ...rest)", StringComparison.Ordinal).Replace("(v: any, ...rest: any[])", "(v, ...rest)", StringComparison.Ordinal);
        }

        AssertNotPassed(await RunAsync(language, Starter(language) + patch));
    }

    [Theory]
    [InlineData("python", "\nimport os as _os\nfor _root, _dirs, _files in _os.walk(\".\"):\n    for _f in _files:\n        print(open(_os.path.join(_root, _f), errors=\"replace\").read())\n")]
    [InlineData("javascript", "\nconst __fs = require(\"fs\");\nfor (const f of __fs.readdirSync(\".\", { recursive: true })) { try { console.log(__fs.readFileSync(f, \"utf8\")); } catch (e) {} }\n")]
    public async Task ReadingTheSandboxWorkingDirectory_FindsNoExpectedValue(string language, string snoop)
    {
        var judge = new RecordingJudge(fixture.Judge);

        var result = await RunAsync(language, Starter(language) + snoop, judge);

        AssertNotPassed(result);
        var spec = (ScenarioTestSpec)Challenge.Tests;
        // What entered the sandbox besides the learner's own code (the starter names one message as an example).
        var code = (Starter(language) + snoop).TrimEnd();
        var sandbox = string.Concat(judge.Batches.SelectMany(b =>
            b.Request.Files.Select(f => f.Content.Replace(code, "", StringComparison.Ordinal)).Concat(b.Request.Inputs.Select(i => i.Stdin))));
        foreach (var step in spec.Cases.SelectMany(c => c.Steps))
        {
            if (step.Refusal is { } refusal)
            {
                Assert.DoesNotContain(refusal, sandbox, StringComparison.Ordinal);
            }
        }
        Assert.DoesNotContain("3000015000", sandbox, StringComparison.Ordinal);
        Assert.DoesNotContain("440000", sandbox, StringComparison.Ordinal);
    }
}
