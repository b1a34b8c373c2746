namespace Compila.ChallengeSuites.Content;

/// <summary>A problem in content, with where it is: file (relative to the content root), line and column (1-based).</summary>
public sealed record ContentError(string File, int? Line, int? Column, string Message)
{
    public override string ToString() =>
        Line is { } line ? $"{File}:{line}:{Column ?? 1}: {Message}" : $"{File}: {Message}";
}
