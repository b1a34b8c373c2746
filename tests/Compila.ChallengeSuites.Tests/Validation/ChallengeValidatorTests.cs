using Compila.ChallengeSuites.Content;
using Compila.ChallengeSuites.Validation;

namespace Compila.ChallengeSuites.Tests.Validation;

/// <summary>The validator catches a wrong reference solution and a starter that already passes.</summary>
[Trait("Lane", "Fast")]
public sealed class ChallengeValidatorTests(JudgeFixture fixture) : IDisposable
{
    readonly string root = Path.Combine(Path.GetTempPath(), "compila-validator-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    void Write(string slug, string solution, string? starter)
    {
        var dir = Path.Combine(root, "challenges", slug);
        Directory.CreateDirectory(Path.Combine(dir, "solution"));
        File.WriteAllText(Path.Combine(dir, "challenge.yaml"), """
            title: Dobrar
            short_description: Dobre n.
            stack: backend
            level: beginner
            difficulty: 1
            technologies: [python]
            requirements: [Dobre n.]
            estimated_time_minutes: 5
            """);
        File.WriteAllText(Path.Combine(dir, "description.md"), "# Dobrar\n");
        File.WriteAllText(Path.Combine(dir, "tests.yaml"), """
            kind: function
            function:
              name: dobrar
              params: [{ name: n, type: int }]
              returns: int
            cases:
              - { name: dois, args: [2], expected: 4 }
              - { name: três, args: [3], expected: 6, hidden: true }
            """);
        File.WriteAllText(Path.Combine(dir, "solution", "solution.py"), solution);
        if (starter is not null)
        {
            Directory.CreateDirectory(Path.Combine(dir, "starter"));
            File.WriteAllText(Path.Combine(dir, "starter", "solution.py"), starter);
        }
    }

    [Fact]
    public async Task WrongSolutionAndPassingStarter_AreReported()
    {
        Write("certo", "def dobrar(n):\n    return n * 2\n", starter: null);
        Write("solucao-errada", "def dobrar(n):\n    return n + 1\n", starter: null);
        Write("starter-passa", "def dobrar(n):\n    return n * 2\n", starter: "def dobrar(n):\n    return 2 * n\n");
        var catalog = ChallengeCatalog.Load(root).Catalog!;

        var report = await ChallengeValidator.ValidateAsync(fixture.Judge, catalog, cancellationToken: TestContext.Current.CancellationToken);
        var single = await ChallengeValidator.ValidateAsync(fixture.Judge, catalog, "certo", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(3, report.PairsChecked);
        Assert.False(report.Passed);
        Assert.Equal(2, report.Failures.Count);
        var wrong = report.Failures.Single(f => f.Slug == "solucao-errada");
        Assert.Equal("solution", wrong.Code);
        Assert.Contains("passou em 0 de 2", wrong.Message, StringComparison.Ordinal);
        var starter = report.Failures.Single(f => f.Slug == "starter-passa");
        Assert.Equal("starter", starter.Code);
        Assert.Contains("FALHOU: 3 pares", report.Format(), StringComparison.Ordinal);
        Assert.True(single.Passed, single.Format());
        Assert.Equal(1, single.PairsChecked);
        await Assert.ThrowsAsync<ArgumentException>(() => ChallengeValidator.ValidateAsync(fixture.Judge, catalog, "nao-existe", cancellationToken: TestContext.Current.CancellationToken));
    }
}
