namespace Compila.Web.Features.Portfolio.Export;

/// <summary>The <c>Compila:Portfolio</c> section.</summary>
public sealed class PortfolioExportOptions
{
    public const string Section = "Compila:Portfolio";

    /// <summary>
    /// The site's public origin (e.g. <c>https://compila.dev</c>) for links in the CV, its QR code and link previews;
    /// when empty, the origin of the request is used.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    public string PublicBase(HttpRequest request) =>
        string.IsNullOrWhiteSpace(PublicBaseUrl) ? $"{request.Scheme}://{request.Host}" : PublicBaseUrl.TrimEnd('/');
}
