using Compila.ChallengeSuites.Running;
using Compila.ChallengeSuites.Specs;

namespace Compila.ChallengeSuites.Tests.Harness;

/// <summary>Scenario cases (a stateful class driven step by step) in every language, judged on the host.</summary>
public sealed class ScenarioTestsTests(JudgeFixture fixture)
{
    static ScenarioStep Call(string method, params long[] args) =>
        new(method, args.Select(a => (System.Text.Json.Nodes.JsonNode?)a).ToList(), StepExpectation.Completes, null, null);

    static ScenarioStep Returns(string method, long value) => new(method, [], StepExpectation.Returns, value, null);

    static ScenarioStep Refuses(string method, long arg, string message) => new(method, [arg], StepExpectation.Refuses, null, message);

    internal static readonly ScenarioTestSpec Spec = new(
        new ScenarioClass("contador",
            [
                new ScenarioMethod("somar", [new Parameter("n", TypeRef.Int)], null, Raises: true),
                new ScenarioMethod("total", [], TypeRef.Int, Raises: false),
            ],
            "erro_contador",
            new Dictionary<string, string> { ["go"] = "NovoContador()" },
            new Dictionary<string, string>()),
        [
            new ScenarioCase("soma dois", [Call("somar", 2), Returns("total", 2)], Hidden: false),
            new ScenarioCase("soma três", [Call("somar", 1), Call("somar", 3), Returns("total", 4)], Hidden: false),
            new ScenarioCase("recusa zero", [Refuses("somar", 0, "valor inválido"), Returns("total", 0)], Hidden: false),
            new ScenarioCase("recusa negativo", [Refuses("somar", -1, "valor inválido")], Hidden: false),
            new ScenarioCase("soma cinco", [Call("somar", 5), Returns("total", 5)], Hidden: true),
        ]);

    /// <summary>A counter with three bugs: 3 counts as 4, 0 throws the wrong exception, a negative is refused with the wrong message.</summary>
    public static TheoryData<string, string> Code => new()
    {
        { "python", """
            class ErroContador(Exception):
                pass


            class Contador:
                def __init__(self):
                    self._total = 0

                def somar(self, n):
                    if n == 0:
                        raise ValueError("zero")
                    if n < 0:
                        raise ErroContador("negativo")
                    print("somando", n)
                    self._total += 4 if n == 3 else n

                def total(self):
                    return self._total
            """ },
        { "javascript", """
            class ErroContador extends Error {}
            class Contador {
              constructor() { this.t = 0; }
              somar(n) {
                if (n === 0) throw new RangeError("zero");
                if (n < 0) throw new ErroContador("negativo");
                console.log("somando " + n);
                this.t += n === 3 ? 4 : n;
              }
              total() { return this.t; }
            }
            module.exports = { Contador, ErroContador };
            """ },
        { "typescript", """
            export class ErroContador extends Error {}
            export class Contador {
              private t = 0;
              somar(n: number): void {
                if (n === 0) throw new RangeError("zero");
                if (n < 0) throw new ErroContador("negativo");
                console.log("somando " + n);
                this.t += n === 3 ? 4 : n;
              }
              total(): number { return this.t; }
            }
            """ },
        { "java", """
            class ErroContador extends RuntimeException {
                ErroContador(String m) { super(m); }
            }

            class Contador {
                private long t;
                void somar(long n) {
                    if (n == 0) throw new IllegalArgumentException("zero");
                    if (n < 0) throw new ErroContador("negativo");
                    System.out.println("somando " + n);
                    t += n == 3 ? 4 : n;
                }
                long total() { return t; }
            }
            """ },
        { "go", """
            package main

            import (
            	"errors"
            	"fmt"
            )

            type Contador struct{ t int64 }

            func NovoContador() *Contador { return &Contador{} }

            func (c *Contador) Somar(n int64) error {
            	if n == 0 {
            		panic("zero")
            	}
            	if n < 0 {
            		return errors.New("negativo")
            	}
            	fmt.Println("somando", n)
            	if n == 3 {
            		c.t += 4
            	} else {
            		c.t += n
            	}
            	return nil
            }

            func (c *Contador) Total() int64 { return c.t }
            """ },
        { "csharp", """
            public class ErroContador(string m) : Exception(m);

            public class Contador
            {
                long _t;
                public void Somar(long n)
                {
                    if (n == 0) throw new ArgumentException("zero");
                    if (n < 0) throw new ErroContador("negativo");
                    Console.WriteLine("somando " + n);
                    _t += n == 3 ? 4 : n;
                }
                public long Total() => _t;
            }
            """ },
    };

    static Task<TestRunResult> RunAsync(IJudge judge, string language, string code, ScenarioTestSpec? spec = null) =>
        new ChallengeTestRunner(judge).RunAsync(spec ?? Spec, language, [new SourceFile("code", code)], TestContext.Current.CancellationToken);

    [Theory]
    [MemberData(nameof(Code))]
    public async Task Steps_AreJudgedOnTheHost_WithTheFirstWrongStepInTheMessage(string language, string code)
    {
        var result = await RunAsync(fixture.Judge, language, code);

        var byName = result.Tests.ToDictionary(t => t.Name);
        Assert.True(byName.ContainsKey("soma dois"), HarnessTestKit.Describe(result));
        Assert.Equal(TestStatus.Pass, byName["soma dois"].Status);
        Assert.Equal("somando 2\n", byName["soma dois"].Output);
        var total = language == "go" ? "Total" : language == "csharp" ? "Total" : "total";
        var somar = language is "go" or "csharp" ? "Somar" : "somar";
        Assert.Equal(TestStatus.Fail, byName["soma três"].Status);
        Assert.Equal($"{total}() = 5, esperado 4", byName["soma três"].Message);
        Assert.Equal(TestStatus.Error, byName["recusa zero"].Status);
        Assert.StartsWith($"{somar}(0): seu código lançou uma exceção", byName["recusa zero"].Message, StringComparison.Ordinal);
        Assert.Contains("zero", byName["recusa zero"].Message, StringComparison.Ordinal);
        Assert.Equal(TestStatus.Fail, byName["recusa negativo"].Status);
        Assert.Equal($"{somar}(-1): recusada com \"negativo\", esperado \"valor inválido\"", byName["recusa negativo"].Message);
        Assert.Equal(TestStatus.Pass, byName["soma cinco"].Status);
        Assert.Null(byName["soma cinco"].DurationMs);
        Assert.Equal((5, 2, 40, SuiteStatus.Fail), (result.Total, result.Passed, result.Score, result.Status));
    }

    [Fact]
    public async Task HiddenCases_RunInAProcessOfTheirOwn_AndNoExpectedValueEntersTheSandbox()
    {
        var judge = new RecordingJudge(fixture.Judge);

        await RunAsync(judge, "python", Code.Select(row => row.Data).Single(d => d.Item1 == "python").Item2);

        var (request, _) = Assert.Single(judge.Batches);
        Assert.Equal(2, request.Inputs.Count);
        Assert.DoesNotContain("\n[4,", "\n" + request.Inputs[0].Stdin, StringComparison.Ordinal);
        Assert.Contains("[4,0,", request.Inputs[1].Stdin, StringComparison.Ordinal);
        var sandbox = string.Concat(request.Files.Select(f => f.Content)) + request.Inputs[0].Stdin + request.Inputs[1].Stdin;
        Assert.DoesNotContain("valor inválido", sandbox, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> Exits => new()
    {
        { "python", "import os\n\n\nclass ErroContador(Exception):\n    pass\n\n\nclass Contador:\n    def __init__(self):\n        self._t = 0\n\n    def somar(self, n):\n        if n == 3:\n            os._exit(0)\n        self._t += n\n\n    def total(self):\n        return self._t\n" },
        { "javascript", "class ErroContador extends Error {}\nclass Contador {\n  constructor() { this.t = 0; }\n  somar(n) { if (n === 3) process.exit(0); this.t += n; }\n  total() { return this.t; }\n}\n" },
        { "typescript", "export class ErroContador extends Error {}\nexport class Contador {\n  private t = 0;\n  somar(n: number): void { if (n === 3) (globalThis as any).process.exit(0); this.t += n; }\n  total(): number { return this.t; }\n}\n" },
        { "java", "class ErroContador extends RuntimeException { ErroContador(String m) { super(m); } }\nclass Contador {\n    long t;\n    void somar(long n) { if (n == 3) System.exit(0); t += n; }\n    long total() { return t; }\n}\n" },
        { "go", "package main\n\nimport \"os\"\n\ntype Contador struct{ t int64 }\n\nfunc NovoContador() *Contador { return &Contador{} }\n\nfunc (c *Contador) Somar(n int64) error {\n\tif n == 3 {\n\t\tos.Exit(0)\n\t}\n\tc.t += n\n\treturn nil\n}\n\nfunc (c *Contador) Total() int64 { return c.t }\n" },
        { "csharp", "public class ErroContador(string m) : Exception(m);\npublic class Contador\n{\n    long _t;\n    public void Somar(long n) { if (n == 3) Environment.Exit(0); _t += n; }\n    public long Total() => _t;\n}\n" },
    };

    [Theory]
    [MemberData(nameof(Exits))]
    public async Task AnExitMidCase_FailsThatCase_AndTheLaterCasesRunAgain(string language, string code)
    {
        var result = await RunAsync(fixture.Judge, language, code);

        var byName = result.Tests.ToDictionary(t => t.Name);
        Assert.True(byName.ContainsKey("soma três"), HarnessTestKit.Describe(result));
        Assert.Equal(TestStatus.Error, byName["soma três"].Status);
        Assert.Contains("(3): O programa terminou antes de concluir este caso", byName["soma três"].Message, StringComparison.Ordinal);
        Assert.Equal(TestStatus.Pass, byName["soma dois"].Status);
        Assert.Equal(TestStatus.Pass, byName["soma cinco"].Status);
        Assert.NotEqual(TestStatus.Pass, byName["recusa zero"].Status);
        Assert.Contains("recusa com", byName["recusa zero"].Expected, StringComparison.Ordinal);
        Assert.NotEqual(SuiteStatus.Pass, result.Status);
    }

    [Theory]
    [InlineData("python", "class Contador:\n    def somar(self, n)\n        pass\n")]
    [InlineData("javascript", "class Contador {\n  somar(n) {\n}\n")]
    [InlineData("typescript", "export class Contador { somar(n: number): void { const x: string = 1; } total(): number { return 0; } }\nexport class ErroContador extends Error {}\n")]
    [InlineData("java", "class Contador { void somar(long n) { int x = \"a\"; } long total() { return 0; } }\nclass ErroContador extends RuntimeException {}\n")]
    [InlineData("go", "package main\n\ntype Contador struct{}\n\nfunc NovoContador() *Contador { return &Contador{} }\n\nfunc (c *Contador) Somar(n int64) error { return 1 }\n\nfunc (c *Contador) Total() int64 { return 0 }\n")]
    [InlineData("csharp", "public class Contador { public void Somar(long n) { int x = \"a\"; } public long Total() => 0; }\npublic class ErroContador : Exception {}\n")]
    public async Task CodeThatDoesNotCompileOrLoad_FailsEveryCase(string language, string code)
    {
        var result = await RunAsync(fixture.Judge, language, code);

        Assert.Equal(5, result.Tests.Count);
        Assert.All(result.Tests, t => Assert.Equal(TestStatus.Error, t.Status));
        Assert.Equal(0, result.Passed);
        if (language is not ("python" or "javascript"))
        {
            Assert.Equal(SuiteStatus.Error, result.Status);
            Assert.False(string.IsNullOrWhiteSpace(result.CompileOutput));
        }
    }
}
