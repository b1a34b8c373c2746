using Compila.ChallengeSuites.Content;
using Compila.ChallengeSuites.Specs;

namespace Compila.ChallengeSuites.Tests.Content;

/// <summary>The loader: full catalog or every error with file and line, never half of one.</summary>
[Trait("Lane", "Fast")]
public sealed class ChallengeCatalogTests : IDisposable
{
    readonly string root = Path.Combine(Path.GetTempPath(), "compila-content-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    const string Metadata = """
        title: Somar dois números
        short_description: Some a e b.
        stack: backend
        level: beginner
        difficulty: 1
        technologies: [python]
        tags: [soma]
        requirements:
          - Some os dois números.
        xp_reward: 10
        estimated_time_minutes: 5
        """;

    const string Tests = """
        kind: function
        function:
          name: somar
          params:
            - { name: a, type: int }
            - { name: b, type: int }
          returns: int
        cases:
          - name: soma simples
            args: [1, 2]
            expected: 3
          - name: soma oculta
            args: [-1, 1]
            expected: 0
            hidden: true
        """;

    string Write(string slug, string? metadata = Metadata, string? tests = Tests, string? description = "# Somar\n", params (string Path, string Content)[] files)
    {
        var dir = Path.Combine(root, "challenges", slug);
        Directory.CreateDirectory(dir);
        if (metadata is not null)
        {
            File.WriteAllText(Path.Combine(dir, "challenge.yaml"), metadata);
        }
        if (tests is not null)
        {
            File.WriteAllText(Path.Combine(dir, "tests.yaml"), tests);
        }
        if (description is not null)
        {
            File.WriteAllText(Path.Combine(dir, "description.md"), description);
        }
        foreach (var (path, content) in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(dir, path))!);
            File.WriteAllText(Path.Combine(dir, path), content);
        }
        return dir;
    }

    static readonly (string, string) PythonSolution = ("solution/solution.py", "def somar(a, b):\n    return a + b\n");

    [Fact]
    public void ValidChallenge_LoadsEveryField_AndGeneratesStarterCode()
    {
        Write("somar", files: [PythonSolution, ("solution/Solution.cs", "public static class Solution { public static long Somar(long a, long b) => a + b; }")]);

        var result = ChallengeCatalog.Load(root);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var c = Assert.Single(result.Catalog!.Challenges);
        Assert.Equal("somar", c.Slug);
        Assert.Equal(ChallengeStack.Backend, c.Stack);
        Assert.Equal(ChallengeLevel.Beginner, c.Level);
        Assert.Equal(["python", "csharp"], c.Languages.Keys.Order().Reverse());
        var spec = Assert.IsType<FunctionTestSpec>(c.Tests);
        Assert.Equal("somar", spec.Signature.Name);
        Assert.Equal(TypeRef.Int, spec.Signature.Returns);
        Assert.True(spec.Cases[1].Hidden);
        Assert.True(c.Languages["python"].StarterGenerated);
        Assert.Contains("def somar(a: int, b: int) -> int:", c.Languages["python"].Starter[0].Content, StringComparison.Ordinal);
        Assert.Contains("public static long Somar(long a, long b)", c.Languages["csharp"].Starter[0].Content, StringComparison.Ordinal);
    }

    [Fact]
    public void VisibleCases_LeaveHiddenCasesOut()
    {
        Write("somar", files: [PythonSolution]);
        var c = ChallengeCatalog.Load(root).Catalog!.Challenges[0];

        var visible = c.VisibleCases();

        var only = Assert.Single(visible);
        Assert.Equal(("soma simples", "[1,2]", "3"), (only.Name, only.Args, only.Expected));
        Assert.Equal(1, c.HiddenCaseCount());
        Assert.DoesNotContain(visible, v => v.Name == "soma oculta");
    }

    [Fact]
    public void InvalidYaml_IsReportedWithFileAndLine_AndNothingLoads()
    {
        Write("boa", files: [PythonSolution]);
        Write("quebrada", tests: Tests.Replace("    expected: 3", "   expected: 3", StringComparison.Ordinal), files: [PythonSolution]);
        Write("colchete", tests: Tests.Replace("args: [-1, 1]", "args: [-1, 1", StringComparison.Ordinal), files: [PythonSolution]);

        var result = ChallengeCatalog.Load(root);

        Assert.False(result.Succeeded);
        Assert.Null(result.Catalog);
        Assert.Equal(2, result.Errors.Count);
        var indentation = result.Errors.Single(e => e.File == "quebrada/tests.yaml");
        Assert.Equal(11, indentation.Line);
        Assert.Contains("YAML inválido", indentation.Message, StringComparison.Ordinal);
        var bracket = result.Errors.Single(e => e.File == "colchete/tests.yaml");
        Assert.NotNull(bracket.Line);
        Assert.InRange(bracket.Line!.Value, 13, 16);
        Assert.Contains("YAML inválido", bracket.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingSolution_IsAnError()
    {
        Write("sem-solucao", files: [("starter/solution.py", "def somar(a, b):\n    return 0\n")]);

        var result = ChallengeCatalog.Load(root);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.File == "sem-solucao/solution/solution.py" && e.Message.Contains("falta a solução", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.File == "sem-solucao/solution/" && e.Message.Contains("nenhuma solução", StringComparison.Ordinal));
    }

    [Fact]
    public void UnknownType_IsReportedAtItsLine()
    {
        Write("tipo-ruim", tests: Tests.Replace("returns: int", "returns: decimal", StringComparison.Ordinal), files: [PythonSolution]);

        var result = ChallengeCatalog.Load(root);

        var error = Assert.Single(result.Errors);
        Assert.Equal("tipo-ruim/tests.yaml", error.File);
        Assert.Equal(7, error.Line);
        Assert.Contains("tipo desconhecido 'decimal'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValueOfTheWrongType_AndUnknownKeysAndEnums_AreAllReported()
    {
        var tests = Tests.Replace("args: [1, 2]", "args: [1, \"dois\"]", StringComparison.Ordinal);
        var metadata = Metadata.Replace("stack: backend", "stack: blockchain", StringComparison.Ordinal) + "\ncolor: azul\n";
        Write("varios-erros", metadata: metadata, tests: tests, files: [PythonSolution]);

        var result = ChallengeCatalog.Load(root);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.File == "varios-erros/tests.yaml" && e.Line == 10 && e.Message.Contains("args.b", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.File == "varios-erros/challenge.yaml" && e.Line == 3 && e.Message.Contains("blockchain", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.File == "varios-erros/challenge.yaml" && e.Message.Contains("chave desconhecida 'color'", StringComparison.Ordinal));
    }

    [Fact]
    public void WrongArgumentCount_MissingFilesAndUnknownLanguageFiles_AreErrors()
    {
        Write("args-errados", tests: Tests.Replace("args: [1, 2]", "args: [1]", StringComparison.Ordinal), files: [PythonSolution, ("solution/solution.rb", "def somar(a, b) a + b end")]);
        Write("sem-descricao", description: null, files: [PythonSolution]);

        var errors = ChallengeCatalog.Load(root).Errors;

        Assert.Contains(errors, e => e.File == "args-errados/tests.yaml" && e.Message.Contains("a função tem 2 parâmetro(s), o caso tem 1", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.File == "args-errados/solution/solution.rb" && e.Message.Contains("arquivo desconhecido", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.File == "sem-descricao/description.md" && e.Message.Contains("ausente", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("list<map<string,optional<float>>>", "list<map<string,optional<float>>>")]
    [InlineData("map< string , list<int> >", "map<string,list<int>>")]
    [InlineData("optional<bool>", "optional<bool>")]
    public void Types_ParseAndPrint(string text, string printed) =>
        Assert.Equal(printed, TypeRef.TryParse(text, out _)!.ToString());

    [Theory]
    [InlineData("decimal")]
    [InlineData("map<int,string>")]
    [InlineData("list<int")]
    [InlineData("optional<optional<int>>")]
    [InlineData("list<int>x")]
    public void BadTypes_AreRejected(string text)
    {
        Assert.Null(TypeRef.TryParse(text, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }
}
