namespace Compila.Web.Features.CodeExecution;

/// <summary>Learner-supplied file paths: relative, no traversal, no hidden tricks.</summary>
public static class SourcePaths
{
    public static bool IsSafe(string? path) =>
        !string.IsNullOrWhiteSpace(path)
        && path.Length <= 200
        && !path.StartsWith('/')
        && !path.Contains('\\')
        && !path.Any(char.IsControl)
        && path.Split('/').All(segment => segment.Length > 0 && segment != "." && segment != ".." && !segment.StartsWith('.'))
        && path.All(c => char.IsLetterOrDigit(c) || c is '/' or '.' or '_' or '-');
}
