namespace Compila.Web.Infrastructure.Errors;

public static class TextRules
{
    /// <summary>True when the text carries control characters (null bytes included) that no profile field needs.</summary>
    public static bool HasControlCharacters(string value, bool allowNewlines = false) =>
        value.Any(c => char.IsControl(c) && !(allowNewlines && c is '\n' or '\r' or '\t'));

    public static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && !string.IsNullOrEmpty(uri.Host);
}
