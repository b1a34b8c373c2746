using System.Text.Json.Nodes;

namespace Compila.ChallengeSuites.Specs;

/// <summary>How an actual value is compared with the expected one.</summary>
public enum ComparatorKind
{
    /// <summary>Structural equality (ints exact, floats exact, map key order ignored).</summary>
    Exact,
    /// <summary>Numbers (also inside lists and maps) within <see cref="Comparator.Tolerance"/>.</summary>
    Float,
    /// <summary>A list whose order does not matter (a multiset).</summary>
    Unordered,
    /// <summary>One of <see cref="CustomComparators"/>, implemented in C#.</summary>
    Custom,
}

/// <summary>A comparator with its parameters.</summary>
public sealed record Comparator(ComparatorKind Kind, double Tolerance = 1e-9, string? CustomName = null)
{
    public static readonly Comparator Exact = new(ComparatorKind.Exact);

    public override string ToString() => Kind switch
    {
        ComparatorKind.Float => $"float (tolerância {Tolerance})",
        ComparatorKind.Custom => $"custom ({CustomName})",
        _ => Kind.ToString().ToLowerInvariant(),
    };
}

/// <summary>A parameter of a function-style challenge; <see cref="Name"/> is snake_case.</summary>
public sealed record Parameter(string Name, TypeRef Type);

/// <summary>
/// The language-neutral signature. <see cref="Name"/> is snake_case; each language gets its own
/// spelling (see <see cref="Harness.LanguageNames"/>).
/// </summary>
public sealed record FunctionSignature(string Name, IReadOnlyList<Parameter> Parameters, TypeRef Returns);

/// <summary>The tests of a challenge: function cases, stdin/stdout cases or scenario cases.</summary>
public abstract record TestSpec
{
    /// <summary>Number of tests (cases) the spec declares.</summary>
    public abstract int CaseCount { get; }
}

/// <summary>One language-neutral case: the learner's function is called with <see cref="Args"/>.</summary>
public sealed record FunctionCase(
    string Name,
    IReadOnlyList<JsonNode?> Args,
    JsonNode? Expected,
    Comparator Comparator,
    bool Hidden);

public sealed record FunctionTestSpec(FunctionSignature Signature, IReadOnlyList<FunctionCase> Cases) : TestSpec
{
    public override int CaseCount => Cases.Count;
}

/// <summary>A whole program reads <see cref="Stdin"/>; its stdout must equal <see cref="ExpectedStdout"/>
/// (trailing whitespace of each line and trailing blank lines are ignored).</summary>
public sealed record StdioCase(string Name, string Stdin, string ExpectedStdout, bool Hidden, IReadOnlyList<string>? Args = null);

public sealed record StdioTestSpec(IReadOnlyList<StdioCase> Cases) : TestSpec
{
    public override int CaseCount => Cases.Count;
}
