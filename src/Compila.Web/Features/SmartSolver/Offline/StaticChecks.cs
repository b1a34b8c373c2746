using System.Text.RegularExpressions;

namespace Compila.Web.Features.SmartSolver.Offline;

/// <summary>
/// Per-language static checks by careful line patterns over <see cref="SourceCode"/> (comments and strings removed):
/// off-by-one loop bounds, missing handling of empty input, mutating an argument, unused variables, shadowing, nested
/// loops over the input, loops that cannot end, money truncated instead of rounded, 32-bit integers that overflow.
/// Each finding points at the line it is about; none proposes the fix's code.
/// </summary>
public static class StaticChecks
{
    /// <summary>The options of every check's patterns.</summary>
    internal const RegexOptions Options = RegexOptions.CultureInvariant;

    public static List<Finding> Run(SourceCode src, IReadOnlyList<LearnerParameter> parameters, bool moneyChallenge, bool intsAreLong)
    {
        var findings = new List<Finding>();
        LoopChecks.OffByOne(src, findings);
        InputChecks.EmptyInput(src, parameters, findings);
        InputChecks.MutatedArguments(src, parameters, findings);
        LoopChecks.Loops(src, parameters, findings);
        if (moneyChallenge)
        {
            NumberChecks.MoneyRounding(src, findings);
        }

        NumberChecks.IntegerOverflow(src, intsAreLong, findings);

        DeclarationChecks.Declarations(src, parameters, findings);
        return findings;
    }
}
