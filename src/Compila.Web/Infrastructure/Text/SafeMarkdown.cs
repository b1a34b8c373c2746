using AngleSharp.Dom;
using Ganss.Xss;
using Markdig;

namespace Compila.Web.Infrastructure.Text;

/// <summary>
/// Renders user-written Markdown (projects, job descriptions) to HTML that is safe to embed: raw HTML in the Markdown is shown as text, and the
/// output goes through an allow-list sanitiser (no scripts, styles, event handlers or images), links only to
/// http, https or mailto with <c>rel="nofollow noopener noreferrer"</c>.
/// </summary>
public static class SafeMarkdown
{
    static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras()
        .UsePipeTables()
        .UseTaskLists()
        .UseAutoLinks()
        .Build();

    static readonly string[] Schemes = ["http", "https", "mailto"];

    static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static string? ToSafeHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return null;
        }

        var html = Markdown.ToHtml(markdown, Pipeline);
        return Sanitizer.Sanitize(html);
    }

    static HtmlSanitizer CreateSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "del", "ins", "mark", "sub", "sup",
                "blockquote", "code", "pre", "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td", "input",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "title", "type", "checked", "disabled", "start", "align" },
            AllowedSchemes = new HashSet<string>(Schemes, StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href" },
        };
        var sanitizer = new HtmlSanitizer(options);
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is not IElement element)
            {
                return;
            }

            if (element.LocalName == "a")
            {
                // Relative links would point into compila.dev itself; only absolute links of the allowed schemes stay.
                var href = element.GetAttribute("href");
                if (href is null || !Uri.TryCreate(href, UriKind.Absolute, out var uri) || !Schemes.Contains(uri.Scheme))
                {
                    element.RemoveAttribute("href");
                }
                else
                {
                    element.SetAttribute("rel", "nofollow noopener noreferrer");
                }
            }
            else if (element.LocalName == "input" && element.GetAttribute("type") != "checkbox")
            {
                element.Remove();
            }
        };
        return sanitizer;
    }
}
