namespace Compila.Web.Tests.Architecture;

/// <summary>
/// Features meet only through each other's <c>Contracts</c>; <c>Infrastructure</c> knows no feature; contracts
/// expose no feature's internals. Every exception is listed, with its reason, in <see cref="AllowedDependencies"/>.
/// </summary>
[Trait("Lane", "Fast")]
public sealed class FeatureBoundaryTests
{
    static readonly IReadOnlyDictionary<string, HashSet<string>> Dependencies = TypeDependencies.Of(typeof(Program).Assembly);

    [Fact]
    public void Features_UseOtherFeaturesOnlyThroughTheirContracts()
    {
        var found = Violations().ToHashSet();
        var unexpected = found.Except(AllowedDependencies.Debts.Select(d => d.Edge)).Order(StringComparer.Ordinal).ToList();

        Assert.True(unexpected.Count == 0, "Reach another feature through its Contracts/ (or list the edge, with a reason, in AllowedDependencies):\n" + string.Join("\n", unexpected));
    }

    [Fact]
    public void AllowedDebts_AreStillNeeded_SoTheListOnlyShrinks()
    {
        var found = Violations().ToHashSet();
        var paid = AllowedDependencies.Debts.Select(d => d.Edge).Where(edge => !found.Contains(edge)).ToList();

        Assert.True(paid.Count == 0, "These listed exceptions are gone from the code; remove them from AllowedDependencies:\n" + string.Join("\n", paid));
    }

    [Fact]
    public void TheScan_SeesKnownEdges()
    {
        // Guards the scanner itself: a reader that missed method bodies would pass every rule above.
        Assert.Contains("Compila.Web.Features.Challenges.Contracts.IChallengeCatalog", Dependencies["Compila.Web.Features.Submissions.SubmissionService"]);
        Assert.Contains("Compila.Web.Features.Submissions.Contracts.ISubmissionRewards", Dependencies["Compila.Web.Features.Gamification.SubmissionRewards"]);
    }

    static IEnumerable<string> Violations()
    {
        foreach (var (source, targets) in Dependencies)
        {
            var from = Area.Of(source);
            if (from is null || from.IsCompositionRoot)
            {
                continue;
            }

            foreach (var target in targets)
            {
                var to = Area.Of(target);
                if (to?.Feature is null || to.Feature == from.Feature && !from.IsContract)
                {
                    continue;
                }

                var allowed = from.Feature is not null && !from.IsContract ? to.IsContract
                    : from.IsContract ? to.IsContract
                    : false;
                if (!allowed)
                {
                    yield return $"{from.Name} -> {target}";
                }
            }
        }
    }

    sealed record Area(string Name, string? Feature, bool IsContract, bool IsCompositionRoot)
    {
        const string Features = "Compila.Web.Features.";

        public static Area? Of(string typeName)
        {
            if (typeName.StartsWith(Features, StringComparison.Ordinal))
            {
                var parts = typeName[Features.Length..].Split('.');
                return new Area(parts[0], parts[0], parts.Length > 2 && parts[1] == "Contracts", false);
            }

            if (typeName.StartsWith("Compila.Web.Infrastructure.", StringComparison.Ordinal))
            {
                return new Area("Infrastructure." + typeName.Split('.')[3], null, false, false);
            }

            // Program wires every feature's registration: it is the one place allowed to see them all.
            return typeName is "Program" ? new Area("Program", null, false, true) : null;
        }
    }
}
