using Compila.Judge.Testing.Running;
using Compila.Judge.Testing.Specs;

namespace Compila.Judge.Testing.Tests.Harness;

/// <summary>Test files in a language's own framework, normalised into the same results.</summary>
public sealed class NativeTestsTests(JudgeFixture fixture)
{
    static readonly NativeTestSpec Spec = new(new Dictionary<string, IReadOnlyList<SourceFile>>
    {
        ["python"] =
        [
            new("test_solution.py", """
                import unittest
                from solution import dobrar


                class DobrarTest(unittest.TestCase):
                    def test_dobra_dois(self):
                        "dobra dois"
                        print("testando 2")
                        self.assertEqual(dobrar(2), 4)

                    def test_dobra_tres(self):
                        "dobra três"
                        self.assertEqual(dobrar(3), 6)

                    def test_negativo(self):
                        "dobra negativo"
                        self.assertEqual(dobrar(-1), -2)
                """),
        ],
        ["javascript"] =
        [
            new("solution.test.js", """
                const test = require("node:test");
                const assert = require("node:assert");
                const { dobrar } = require("./solution.js");

                test("dobra dois", () => { assert.strictEqual(dobrar(2), 4); });
                test("dobra três", () => { assert.strictEqual(dobrar(3), 6); });
                test("dobra negativo", () => { assert.strictEqual(dobrar(-1), -2); });
                """),
        ],
        ["typescript"] =
        [
            new("solution.test.ts", """
                import test from "node:test";
                import assert from "node:assert";
                import { dobrar } from "./solution";

                test("dobra dois", () => { console.log("testando 2"); assert.strictEqual(dobrar(2), 4); });
                test("dobra três", () => { assert.strictEqual(dobrar(3), 6); });
                test("dobra negativo", () => { assert.strictEqual(dobrar(-1), -2); });
                """),
        ],
        ["go"] =
        [
            new("solution_test.go", """
                package main

                import (
                	"fmt"
                	"testing"
                )

                // dobra dois
                func TestDobraDois(t *testing.T) {
                	fmt.Println("testando 2")
                	if got := dobrar(2); got != 4 {
                		t.Errorf("dobrar(2) = %d, esperado 4", got)
                	}
                }

                // dobra três
                func TestDobraTres(t *testing.T) {
                	if got := dobrar(3); got != 6 {
                		t.Fatalf("dobrar(3) = %d, esperado 6", got)
                	}
                }

                // dobra negativo
                func TestDobraNegativo(t *testing.T) {
                	if got := dobrar(-1); got != -2 {
                		t.Errorf("dobrar(-1) = %d", got)
                	}
                }

                func TestIgnorado(t *testing.T) {
                	t.Skip("ainda não")
                }
                """),
        ],
        ["java"] =
        [
            new("SolutionTest.java", """
                import org.junit.jupiter.api.DisplayName;
                import org.junit.jupiter.api.Test;
                import static org.junit.jupiter.api.Assertions.*;

                class SolutionTest {
                    @Test
                    @DisplayName("dobra dois")
                    void a() {
                        System.out.println("testando 2");
                        assertEquals(4, Solution.dobrar(2));
                    }

                    @Test
                    @DisplayName("dobra três")
                    void b() { assertEquals(6, Solution.dobrar(3)); }

                    @Test
                    @DisplayName("dobra negativo")
                    void c() { assertEquals(-2, Solution.dobrar(-1)); }
                }
                """),
        ],
        ["csharp"] =
        [
            new("Tests.cs", """
                using System.ComponentModel;

                public static class DobrarTests
                {
                    [Description("dobra dois")]
                    public static void DobraDois()
                    {
                        Console.WriteLine("testando 2");
                        Assert.Equal(4L, Solution.Dobrar(2));
                    }

                    [Description("dobra três")]
                    public static void DobraTres() => Assert.Equal(6L, Solution.Dobrar(3));

                    [Description("dobra negativo")]
                    public static void DobraNegativo() => Assert.Equal(-2L, Solution.Dobrar(-1));
                }
                """),
        ],
    });

    public static readonly TheoryData<string, string> Code = new()
    {
        { "python", "def dobrar(n):\n    if n < 0:\n        raise ValueError(\"negativo\")\n    return n * 2 if n != 3 else 7\n" },
        { "javascript", "function dobrar(n) {\n  if (n < 0) throw new Error(\"negativo\");\n  return n === 3 ? 7 : n * 2;\n}\nmodule.exports = { dobrar };\n" },
        { "typescript", "export function dobrar(n: number): number {\n  if (n < 0) throw new Error(\"negativo\");\n  return n === 3 ? 7 : n * 2;\n}\n" },
        { "go", "package main\n\nfunc dobrar(n int64) int64 {\n\tif n < 0 {\n\t\tpanic(\"negativo\")\n\t}\n\tif n == 3 {\n\t\treturn 7\n\t}\n\treturn n * 2\n}\n" },
        { "java", "class Solution {\n    static long dobrar(long n) {\n        if (n < 0) throw new IllegalArgumentException(\"negativo\");\n        return n == 3 ? 7 : n * 2;\n    }\n}\n" },
        { "csharp", "public static class Solution\n{\n    public static long Dobrar(long n) => n < 0 ? throw new ArgumentException(\"negativo\") : n == 3 ? 7 : n * 2;\n}\n" },
    };

    [Theory]
    [MemberData(nameof(Code))]
    public async Task NativeTests_AreNormalisedIntoPassFailAndError(string language, string code)
    {
        var runner = new ChallengeTestRunner(fixture.Judge);

        var result = await runner.RunAsync(Spec, language, [new SourceFile("solution", code)], TestContext.Current.CancellationToken);

        var byName = result.Tests.ToDictionary(t => t.Name);
        Assert.True(byName.ContainsKey("dobra dois"), HarnessTestKit.Describe(result));
        Assert.Equal(TestStatus.Pass, byName["dobra dois"].Status);
        Assert.Equal(TestStatus.Fail, byName["dobra três"].Status);
        Assert.Contains("7", byName["dobra três"].Message, StringComparison.Ordinal);
        Assert.Equal(TestStatus.Error, byName["dobra negativo"].Status);
        Assert.Contains("negativo", byName["dobra negativo"].Message, StringComparison.Ordinal);
        Assert.Equal(3, result.Total);
        Assert.Equal(1, result.Passed);
        Assert.Equal(33, result.Score);
        if (language is not "javascript")
        {
            Assert.Equal("testando 2\n", byName["dobra dois"].Output);
        }
    }

    [Fact]
    public async Task Java_RunsOnRealJUnit5_LifecycleParameterizedAndAssertThrows()
    {
        var spec = new NativeTestSpec(new Dictionary<string, IReadOnlyList<SourceFile>>
        {
            ["java"] =
            [
                new("SolutionTest.java", """
                    import java.util.ArrayList;
                    import java.util.List;
                    import org.junit.jupiter.api.BeforeEach;
                    import org.junit.jupiter.api.DisplayName;
                    import org.junit.jupiter.api.Test;
                    import org.junit.jupiter.params.ParameterizedTest;
                    import org.junit.jupiter.params.provider.ValueSource;
                    import static org.junit.jupiter.api.Assertions.*;

                    class SolutionTest {
                        List<Long> vistos;

                        @BeforeEach
                        void antes() { vistos = new ArrayList<>(); }

                        @ParameterizedTest(name = "dobra {0}")
                        @ValueSource(longs = {1, 2, 3})
                        void dobra(long n) { vistos.add(n); assertEquals(n * 2, Solution.dobrar(n)); assertEquals(1, vistos.size()); }

                        @Test
                        @DisplayName("recusa negativo")
                        void negativo() { assertThrows(IllegalArgumentException.class, () -> Solution.dobrar(-1)); }

                        @ParameterizedTest
                        @DisplayName("dobra pares")
                        @ValueSource(longs = {4})
                        void pares(long n) { assertEquals(n * 2, Solution.dobrar(n)); }
                    }
                    """),
            ],
        });
        var runner = new ChallengeTestRunner(fixture.Judge);

        var result = await runner.RunAsync(spec, "java", [new SourceFile("solution", NativeCode("java"))], TestContext.Current.CancellationToken);

        Assert.Equal(["dobra 1", "dobra 2", "dobra 3", "dobra pares [1] 4", "recusa negativo"], result.Tests.Select(t => t.Name).Order());
        Assert.Equal(TestStatus.Fail, result.Tests.Single(t => t.Name == "dobra 3").Status);
        Assert.Contains("expected: <6> but was: <7>", result.Tests.Single(t => t.Name == "dobra 3").Message, StringComparison.Ordinal);
        Assert.Equal(4, result.Passed);
    }

    [Fact]
    public async Task Go_EachTestRunsAlone_SoATimeOutEndsOnlyThatTest()
    {
        var spec = new NativeTestSpec(new Dictionary<string, IReadOnlyList<SourceFile>>
        {
            ["go"] =
            [
                new("solution_test.go", """
                    package main

                    import "testing"

                    func TestTabela(t *testing.T) {
                    	casos := []struct{ n, esperado int64 }{{1, 2}, {3, 6}}
                    	for _, c := range casos {
                    		if got := dobrar(c.n); got != c.esperado {
                    			t.Errorf("dobrar(%d) = %d, esperado %d", c.n, got, c.esperado)
                    		}
                    	}
                    }

                    // trava para sempre
                    func TestTrava(t *testing.T) {
                    	for {
                    	}
                    }

                    func TestZero(t *testing.T) {
                    	if dobrar(0) != 0 {
                    		t.Error("zero")
                    	}
                    }

                    func TestCasos(t *testing.T) {
                    	for _, c := range []struct {
                    		nome        string
                    		n, esperado int64
                    	}{{"um", 1, 2}, {"tres_vezes", 3, 6}} {
                    		t.Run(c.nome, func(t *testing.T) {
                    			if got := dobrar(c.n); got != c.esperado {
                    				t.Errorf("dobrar(%d) = %d", c.n, got)
                    			}
                    		})
                    	}
                    }
                    """),
            ],
        });
        var runner = new ChallengeTestRunner(fixture.Judge, new TestRunOptions { Limits = new RunLimits { CpuTimeSeconds = 1 } });

        var result = await runner.RunAsync(spec, "go", [new SourceFile("solution", NativeCode("go"))], TestContext.Current.CancellationToken);

        var byName = result.Tests.ToDictionary(t => t.Name);
        Assert.Equal(TestStatus.Fail, byName["TestTabela"].Status);
        Assert.Equal("Falhou: dobrar(3) = 7, esperado 6", byName["TestTabela"].Message);
        Assert.Equal(TestStatus.Error, byName["trava para sempre"].Status);
        Assert.Contains("Tempo limite", byName["trava para sempre"].Message, StringComparison.Ordinal);
        Assert.Equal(TestStatus.Pass, byName["TestZero"].Status);
        Assert.Equal("Falhou: tres vezes: dobrar(3) = 7", byName["TestCasos"].Message);
    }

    [Fact]
    public async Task Python_KeepsTheWholeAssertionMessage_AndLabelsSubTests()
    {
        var spec = new NativeTestSpec(new Dictionary<string, IReadOnlyList<SourceFile>>
        {
            ["python"] =
            [
                new("test_solution.py", """
                    import unittest
                    from solution import dobrar


                    class DobrarTest(unittest.TestCase):
                        def test_lista(self):
                            "dobra uma lista"
                            self.assertEqual([dobrar(n) for n in (1, 2, 3)], [2, 4, 6])

                        def test_casos(self):
                            "casos"
                            for n in (1, 3):
                                with self.subTest(n=n):
                                    self.assertEqual(dobrar(n), n * 2)

                        @unittest.skip("ainda não")
                        def test_pulado(self):
                            pass
                    """),
            ],
        });
        var runner = new ChallengeTestRunner(fixture.Judge);

        var result = await runner.RunAsync(spec, "python", [new SourceFile("solution", NativeCode("python"))], TestContext.Current.CancellationToken);

        var byName = result.Tests.ToDictionary(t => t.Name);
        Assert.Equal(["casos", "dobra uma lista"], byName.Keys.Order());
        Assert.Contains("Lists differ: [2, 4, 7] != [2, 4, 6]", byName["dobra uma lista"].Message, StringComparison.Ordinal);
        Assert.Contains("First differing element 2:", byName["dobra uma lista"].Message, StringComparison.Ordinal);
        Assert.Equal("Falhou: (n=3): 7 != 6", byName["casos"].Message);
    }

    [Fact]
    public async Task CSharp_AssertionsCarryTheAuthorsMessage()
    {
        var spec = new NativeTestSpec(new Dictionary<string, IReadOnlyList<SourceFile>>
        {
            ["csharp"] =
            [
                new("Tests.cs", """
                    using System.ComponentModel;

                    public static class MensagensTests
                    {
                        [Description("com mensagem")]
                        public static void ComMensagem() => Assert.Equal(6L, Solution.Dobrar(3), "dobrar(3)");

                        [Description("falha explícita")]
                        public static void Explicita() => Assert.Fail("sempre falha");
                    }
                    """),
            ],
        });
        var runner = new ChallengeTestRunner(fixture.Judge);

        var result = await runner.RunAsync(spec, "csharp", [new SourceFile("solution", NativeCode("csharp"))], TestContext.Current.CancellationToken);

        var byName = result.Tests.ToDictionary(t => t.Name);
        Assert.Equal("Falhou: dobrar(3): esperado 6, obtido 7", byName["com mensagem"].Message);
        Assert.Equal("Falhou: sempre falha", byName["falha explícita"].Message);
    }

    static string NativeCode(string language) => Code.Select(row => row.Data).Single(d => d.Item1 == language).Item2;
}
