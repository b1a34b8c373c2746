using Compila.ChallengeSuites.Running;
using Compila.ChallengeSuites.Specs;
using static Compila.ChallengeSuites.Tests.Harness.HarnessTestKit;

namespace Compila.ChallengeSuites.Tests.Harness;

/// <summary>Values of every type cross into the sandbox and back unchanged, in every language.</summary>
public sealed class RoundTripTests(JudgeFixture fixture)
{
    static readonly FunctionTestSpec NestedSpec = new(
        Signature("ecoar", "list<map<string,list<optional<int>>>>", ("dados", "list<map<string,list<optional<int>>>>")),
        [
            Case("listas e mapas aninhados", """[[{"a":[1,2,3],"b":[]},{"c":[null,4]}]]""", """[{"a":[1,2,3],"b":[]},{"c":[null,4]}]"""),
            Case("inteiros de 64 bits", """[[{"max":[9223372036854775807],"min":[-9223372036854775808],"grande":[9007199254740993]}]]""",
                """[{"max":[9223372036854775807],"min":[-9223372036854775808],"grande":[9007199254740993]}]"""),
            Case("chaves com unicode e aspas", """[[{"ação ✓ \"aspas\" 'simples' \\ barra":[1],"emoji 🇧🇷😀":[null],"linha\nnova\ttab":[0]}]]""",
                """[{"ação ✓ \"aspas\" 'simples' \\ barra":[1],"emoji 🇧🇷😀":[null],"linha\nnova\ttab":[0]}]"""),
            Case("lista vazia", "[[]]", "[]"),
        ]);

    public static readonly TheoryData<string, string> NestedCode = new()
    {
        { "python", "def ecoar(dados):\n    return dados\n" },
        { "javascript", "function ecoar(dados) {\n  return dados;\n}\n" },
        { "typescript", "function ecoar(dados: Record<string, (number | null)[]>[]): Record<string, (number | null)[]>[] {\n  return dados;\n}\n" },
        { "java", "import java.util.*;\n\nclass Solution {\n    static List<Map<String, List<Long>>> ecoar(List<Map<String, List<Long>>> dados) {\n        return dados;\n    }\n}\n" },
        { "go", "package main\n\nfunc ecoar(dados []map[string][]*int64) []map[string][]*int64 {\n\treturn dados\n}\n" },
        { "csharp", "public static class Solution\n{\n    public static List<Dictionary<string, List<long?>>> Ecoar(List<Dictionary<string, List<long?>>> dados) => dados;\n}\n" },
    };

    [Theory]
    [MemberData(nameof(NestedCode))]
    public async Task NestedListsMapsUnicodeQuotes64BitIntsAndNull_RoundTripExactly(string language, string code)
    {
        var result = await RunAsync(fixture.Judge, language, NestedSpec, code);

        Assert.True(result.Status == SuiteStatus.Pass, Describe(result));
        Assert.Equal(4, result.Passed);
        Assert.Equal(100, result.Score);
    }

    static readonly FunctionTestSpec ArithmeticSpec = new(
        Signature("media_e_soma", "list<float>", ("valores", "list<float>"), ("a", "int"), ("b", "int")),
        [
            Case("média com tolerância", "[[0.1, 0.2], 1, 2]", "[0.15, 3.0]", new Comparator(ComparatorKind.Float, 1e-9)),
            Case("média de inteiros como float", "[[1, 2, 2], 0, 0]", "[1.6666666667, 0]", new Comparator(ComparatorKind.Float, 1e-6)),
            Case("fora da tolerância falha", "[[1.0, 2.0], 0, 0]", "[1.6, 0]", new Comparator(ComparatorKind.Float, 1e-3)),
        ]);

    static readonly FunctionTestSpec SumSpec = new(
        Signature("somar", "int", ("a", "int"), ("b", "int")),
        [
            Case("soma perto do máximo de 64 bits", "[4611686018427387904, 4611686018427387903]", "9223372036854775807"),
            Case("soma perto do mínimo de 64 bits", "[-4611686018427387904, -4611686018427387904]", "-9223372036854775808"),
            Case("além de 2^53", "[9007199254740993, 9007199254740993]", "18014398509481986"),
        ]);

    public static readonly TheoryData<string, string, string> ArithmeticCode = new()
    {
        { "python", "def media_e_soma(valores, a, b):\n    return [sum(valores) / len(valores), a + b]\n",
            "def somar(a, b):\n    return a + b\n" },
        { "javascript", "function mediaESoma(valores, a, b) {\n  return [valores.reduce((s, x) => s + x, 0) / valores.length, a + b];\n}\n",
            "function somar(a, b) {\n  return a + b;\n}\n" },
        { "typescript", "function mediaESoma(valores: number[], a: number, b: number): number[] {\n  return [valores.reduce((s, x) => s + x, 0) / valores.length, a + b];\n}\n",
            "function somar(a: number, b: number): number {\n  return a + b;\n}\n" },
        { "java", "import java.util.*;\n\nclass Solution {\n    static List<Double> mediaESoma(List<Double> valores, long a, long b) {\n        double s = 0;\n        for (double v : valores) s += v;\n        return List.of(s / valores.size(), (double) (a + b));\n    }\n}\n",
            "class Solution {\n    static long somar(long a, long b) {\n        return a + b;\n    }\n}\n" },
        { "go", "package main\n\nfunc mediaESoma(valores []float64, a int64, b int64) []float64 {\n\ts := 0.0\n\tfor _, v := range valores {\n\t\ts += v\n\t}\n\treturn []float64{s / float64(len(valores)), float64(a + b)}\n}\n",
            "package main\n\nfunc somar(a int64, b int64) int64 {\n\treturn a + b\n}\n" },
        { "csharp", "public static class Solution\n{\n    public static List<double> MediaESoma(List<double> valores, long a, long b) => [valores.Average(), a + b];\n}\n",
            "public static class Solution\n{\n    public static long Somar(long a, long b) => a + b;\n}\n" },
    };

    [Theory]
    [MemberData(nameof(ArithmeticCode))]
    public async Task FloatsWithTolerance_And64BitArithmetic(string language, string averageCode, string sumCode)
    {
        var average = await RunAsync(fixture.Judge, language, ArithmeticSpec, averageCode);
        var sum = await RunAsync(fixture.Judge, language, SumSpec, sumCode);

        Assert.True(average.Tests[0].Status == TestStatus.Pass, Describe(average));
        Assert.True(average.Tests[1].Status == TestStatus.Pass, Describe(average));
        Assert.Equal(TestStatus.Fail, average.Tests[2].Status);
        Assert.Contains("tolerância", average.Tests[2].Message, StringComparison.Ordinal);
        Assert.True(sum.Status == SuiteStatus.Pass, Describe(sum));
    }
}
