using Compila.ChallengeSuites.Content;
using Compila.ChallengeSuites.Specs;

namespace Compila.ChallengeSuites.Tests.Validation;

/// <summary>
/// The real catalog's shape. Every (challenge, language) pair through the real judge is checked once per CI run by
/// the host's <c>challenges validate</c> command (scripts/test.sh); the validator itself is tested in ChallengeValidatorTests.
/// </summary>
[Trait("Lane", "Fast")]
public sealed class CatalogValidationTests
{
    static ChallengeCatalog Catalog
    {
        get
        {
            var load = JudgeFixture.Catalog;
            Assert.True(load.Succeeded, string.Join("\n", load.Errors));
            return load.Catalog!;
        }
    }

    [Fact]
    public void Catalog_CoversLevelsStacksAndLanguages()
    {
        var published = Catalog.Challenges.Where(c => c.Published).ToList();

        Assert.True(published.Count >= 30, $"{published.Count} published challenges");
        Assert.Equal(Enum.GetValues<ChallengeLevel>().Order(), published.Select(c => c.Level).Distinct().Order());
        foreach (var stack in new[] { ChallengeStack.Backend, ChallengeStack.Data, ChallengeStack.Frontend, ChallengeStack.Devops })
        {
            Assert.Contains(published, c => c.Stack == stack);
        }
        Assert.All(published, c => Assert.True(c.Languages.Count >= 4, $"{c.Slug}: {c.Languages.Count} languages"));
        Assert.True(published.Count(c => c.Languages.Count == 6) > published.Count / 2, "most challenges in all six languages");
    }

    [Fact]
    public void EveryChallengeWithCases_Has5To12CasesWithVisibleAndHiddenOnes()
    {
        foreach (var c in Catalog.Challenges)
        {
            var (count, hidden) = c.Tests switch
            {
                FunctionTestSpec f => (f.Cases.Count, f.Cases.Count(x => x.Hidden)),
                StdioTestSpec s => (s.Cases.Count, s.Cases.Count(x => x.Hidden)),
                ScenarioTestSpec s => (s.Cases.Count, s.Cases.Count(x => x.Hidden)),
                _ => (0, 0),
            };
            Assert.True(count is >= 5 and <= 12, $"{c.Slug}: {count} cases");
            Assert.True(hidden >= 1 && hidden < count, $"{c.Slug}: {hidden} hidden of {count}");
            Assert.False(string.IsNullOrWhiteSpace(c.Description));
            Assert.NotEmpty(c.Requirements);
        }
    }

    /// <summary>
    /// A scenario's starter cannot be derived from its steps (the class, its error and every method are the
    /// learner's API), so each language the challenge offers brings an explicit one.
    /// </summary>
    [Fact]
    public void EveryScenarioChallenge_HasAnExplicitStarterForEachOfItsLanguages()
    {
        foreach (var c in Catalog.Challenges.Where(c => c.Tests is ScenarioTestSpec))
        {
            Assert.All(c.Languages.Values, l => Assert.False(l.StarterGenerated, $"{c.Slug}: generated starter for {l.Language}"));
            Assert.False(string.IsNullOrWhiteSpace(c.Description));
            Assert.NotEmpty(c.Requirements);
        }
    }
}
