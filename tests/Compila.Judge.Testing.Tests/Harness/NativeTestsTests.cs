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
        if (language is "python" or "csharp" or "java")
        {
            Assert.Equal("testando 2\n", byName["dobra dois"].Output);
        }
    }
}
