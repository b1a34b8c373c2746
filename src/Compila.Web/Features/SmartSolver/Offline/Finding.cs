namespace Compila.Web.Features.SmartSolver.Offline;

/// <summary>What kind of problem a finding is; drives which one is blamed for a failing case.</summary>
public enum FindingKind
{
    Compile,
    Runtime,
    Timeout,
    WrongAnswer,
    WrongType,
    HiddenCase,
    OffByOne,
    EmptyInput,
    MutatedArgument,
    UnusedVariable,
    Shadowing,
    NestedLoops,
    InfiniteLoop,
    MoneyRounding,
    IntegerOverflow,
}

/// <summary>One issue in the spec's shape (type, severity, title, location, description, suggestion), pt-BR.</summary>
public sealed record Finding(
    FindingKind Kind,
    string Type,
    string Severity,
    string Title,
    int? Line,
    string Description,
    string Suggestion)
{
    /// <summary>The description without what the summary already said (the exception), for the pt-BR text.</summary>
    public string? Detail { get; init; }
}
