using System.Text.Json;
using Compila.ChallengeSuites.Harness;
using Compila.ChallengeSuites.Running;
using Compila.ChallengeSuites.Specs;
using static Compila.ChallengeSuites.Tests.Harness.HarnessTestKit;
using TestResult = Compila.ChallengeSuites.Running.TestResult;

namespace Compila.ChallengeSuites.Tests.Running;

/// <summary>Result shapes, redaction, comparators and the generated text, without running code.</summary>
[Trait("Lane", "Fast")]
public sealed class ResultsTests
{
    [Fact]
    public void Redacted_StripsExpectedActualOutputAndMessageOfHiddenTestsOnly()
    {
        var run = TestRunResult.From(
        [
            new TestResult("visível", TestStatus.Fail, "Valor diferente do esperado.", "4", "5", "log", 1, Hidden: false),
            new TestResult("oculto", TestStatus.Fail, "Valor diferente do esperado.", "\"segredo\"", "\"chute\"", "print", 1, Hidden: true),
            new TestResult("oculto que passou", TestStatus.Pass, null, "\"outro segredo\"", "\"outro segredo\"", null, 1, Hidden: true),
        ], compileOutput: null);

        var redacted = run.Redacted();
        var json = JsonSerializer.Serialize(redacted);

        Assert.Equal("4", redacted.Tests[0].Expected);
        Assert.Equal("log", redacted.Tests[0].Output);
        Assert.Null(redacted.Tests[1].Expected);
        Assert.Null(redacted.Tests[1].Actual);
        Assert.Null(redacted.Tests[1].Output);
        Assert.Equal("Caso oculto: os detalhes não são mostrados.", redacted.Tests[1].Message);
        Assert.Equal(TestStatus.Fail, redacted.Tests[1].Status);
        Assert.DoesNotContain("segredo", json, StringComparison.Ordinal);
        Assert.DoesNotContain("chute", json, StringComparison.Ordinal);
        Assert.Contains("\"Status\":\"fail\"", json, StringComparison.Ordinal);
        Assert.Equal(1, redacted.Passed);
        Assert.Equal(33, redacted.Score);
        Assert.Equal(SuiteStatus.Fail, redacted.Status);
    }

    [Fact]
    public void Score_AndStatus_FollowThePassedTests()
    {
        var all = TestRunResult.From([new TestResult("a", TestStatus.Pass, null, "1", "1", null, 0, false)], null);
        var none = TestRunResult.From([new TestResult("a", TestStatus.Error, "x", "1", null, null, 0, false)], "erro", "O código não compilou.", compiled: false);

        Assert.Equal((SuiteStatus.Pass, 100), (all.Status, all.Score));
        Assert.Equal((SuiteStatus.Error, 0), (none.Status, none.Score));
        Assert.Equal("erro", none.CompileOutput);
    }

    [Theory]
    [InlineData("exact", "[1,2]", "[1,2]", true)]
    [InlineData("exact", "[1,2]", "[2,1]", false)]
    [InlineData("exact", "{\"a\":1,\"b\":2}", "{\"b\":2,\"a\":1}", true)]
    [InlineData("exact", "1", "1.0", true)]
    [InlineData("exact", "9223372036854775807", "9223372036854775806", false)]
    [InlineData("unordered", "[1,2,2]", "[2,1,2]", true)]
    [InlineData("unordered", "[1,2,2]", "[2,1,1]", false)]
    [InlineData("float", "[0.3]", "[0.30000000000000004]", true)]
    [InlineData("float", "1000000", "1000000.5", true)]
    [InlineData("float", "1", "1.01", false)]
    [InlineData("ignore_case", "\"Ação\"", "\"AÇÃO\"", true)]
    [InlineData("ignore_accents", "\"Ação\"", "\"acao\"", true)]
    [InlineData("ignore_whitespace", "\"a b\\nc\"", "\"abc\"", true)]
    [InlineData("unordered_deep", "[[1,2],[3]]", "[[3],[2,1]]", true)]
    [InlineData("unordered_deep", "[[1,2],[3]]", "[[3],[2,2]]", false)]
    public void Comparators(string name, string expected, string actual, bool equal)
    {
        var comparator = name switch
        {
            "exact" => Comparator.Exact,
            "unordered" => new Comparator(ComparatorKind.Unordered),
            "float" => new Comparator(ComparatorKind.Float, 1e-6),
            _ => new Comparator(ComparatorKind.Custom, CustomName: name),
        };

        Assert.Equal(equal, ValueComparer.AreEqual(comparator, System.Text.Json.Nodes.JsonNode.Parse(expected), System.Text.Json.Nodes.JsonNode.Parse(actual)));
    }

    [Theory]
    [InlineData("int", "3.0", "esperado int, recebido float 3.0")]
    [InlineData("int", "true", "esperado int, recebido bool true")]
    [InlineData("list<int>", "[1,\"2\"]", "retorno[1]: esperado int, recebido string \"2\"")]
    [InlineData("map<string,float>", "{\"a\":null}", "retorno[\"a\"]: esperado float, recebido null")]
    [InlineData("optional<string>", "null", null)]
    [InlineData("float", "3", null)]
    public void TypeMismatch_DescribesWhatCameBack(string type, string json, string? message) =>
        Assert.Equal(message is null ? null : (message.StartsWith("retorno", StringComparison.Ordinal) ? message : "retorno: " + message),
            JsonValues.TypeMismatch(System.Text.Json.Nodes.JsonNode.Parse(json), Type(type), "retorno"));

    [Fact]
    public void Stdin_CarriesArgumentsOnly_NeverExpectedValues()
    {
        var cases = new[]
        {
            Case("a", "[\"entrada\", 1]", "\"RESPOSTA-SECRETA\""),
            Case("b", "[\"ação ✓\", 9223372036854775807]", "\"OUTRA-RESPOSTA\"", hidden: true),
        };

        var stdin = HarnessGenerator.Stdin(cases);

        Assert.Equal(2, stdin.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.DoesNotContain("RESPOSTA", stdin, StringComparison.Ordinal);
        Assert.Contains("9223372036854775807", stdin, StringComparison.Ordinal);
        Assert.True(stdin.All(c => c < 128), "stdin is ASCII (non-ASCII escaped)");
    }

    [Fact]
    public void GeneratedGoDriver_KeepsTheLearnersLineNumbers()
    {
        var code = "package main\n\nimport \"strings\"\n\nfunc gritar(s string) string {\n\treturn strings.ToUpper(s)\n}\n";

        var files = HarnessGenerator.Generate("go", Signature("gritar", "string", ("s", "string")), code);

        var lines = Assert.Single(files).Content.Split('\n');
        Assert.Equal("main.go", files[0].Path);
        Assert.StartsWith("package main; import (", lines[0], StringComparison.Ordinal);
        Assert.Equal("func gritar(s string) string {", lines[4]);
        Assert.Contains("return gritar(a0)", files[0].Content, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("python", "main.py", "def contar_itens(lista_de_itens: list[dict[str, float | None]]) -> int:")]
    [InlineData("javascript", "main.js", "function contarItens(listaDeItens) {")]
    [InlineData("typescript", "main.ts", "function contarItens(listaDeItens: Record<string, number | null>[]): number {")]
    [InlineData("java", "Main.java", "static long contarItens(List<Map<String, Double>> listaDeItens) {")]
    [InlineData("go", "main.go", "func contarItens(listaDeItens []map[string]*float64) int64 {")]
    [InlineData("csharp", "Program.cs", "public static long ContarItens(List<Dictionary<string, double?>> listaDeItens)")]
    public void StarterAndHarness_SpellTheSignatureInEachLanguage(string language, string entry, string declaration)
    {
        var signature = Signature("contar_itens", "int", ("lista_de_itens", "list<map<string,optional<float>>>"));
        var spec = new FunctionTestSpec(signature, [Case("um", "[[]]", "0")]);

        var starter = StarterGenerator.Generate(language, spec)!;
        var files = HarnessGenerator.Generate(language, signature, starter);

        Assert.Contains(declaration, starter, StringComparison.Ordinal);
        Assert.Equal(entry, Assert.Single(files).Path);
        // Learner code comes first (its line numbers stand); Go's driver imports join the package line.
        var learnerPart = language == "go" ? starter[starter.IndexOf('\n', StringComparison.Ordinal)..].TrimEnd() : starter.TrimEnd();
        Assert.Contains(learnerPart, files[0].Content, StringComparison.Ordinal);
        Assert.True(files[0].Content.IndexOf(learnerPart, StringComparison.Ordinal) < files[0].Content.IndexOf(HarnessGenerator.Marker, StringComparison.Ordinal));
        Assert.Contains(HarnessGenerator.Marker, files[0].Content, StringComparison.Ordinal);
    }
}
