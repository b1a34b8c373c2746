using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Compila.Web.Features.Portfolio.Export;

/// <summary>
/// The SPA's index.html with a server-rendered head for <c>/u/{username}</c>, so a shared link shows a title, a
/// description and an image in chat apps and social networks, which do not run JavaScript. The original title and
/// description are replaced; Open Graph and Twitter meta are added before <c>&lt;/head&gt;</c>.
/// </summary>
internal static partial class LinkPreview
{
    public const string SiteName = "compila.dev";
    public const string GenericTitle = "compila.dev";
    public const string GenericDescription = "compila.dev: aprenda programação resolvendo desafios reais, com correção automática e feedback.";
    static readonly CultureInfo PtBr = CultureInfo.GetCultureInfo("pt-BR");

    public sealed record Meta(string Title, string Description, string Url, string Type, string? Image, string TwitterCard);

    public static Meta ForProfile(PortfolioSnapshot snapshot, string baseUrl)
    {
        var owner = snapshot.Owner;
        var name = string.IsNullOrWhiteSpace(owner.FullName) ? owner.Username : owner.FullName.Trim();
        var facts = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Nível {owner.Level} · {owner.Xp.ToString("N0", PtBr)} XP · ")
            .Append(snapshot.ChallengesPassed == 1 ? "1 desafio aprovado" : $"{snapshot.ChallengesPassed.ToString("N0", PtBr)} desafios aprovados");
        var languages = snapshot.TopLanguages(3);
        if (languages.Count > 0)
        {
            facts.Append(" · ").AppendJoin(", ", languages.Select(l => l.Language));
        }

        facts.Append('.');
        if (!string.IsNullOrWhiteSpace(owner.Bio))
        {
            facts.Append(' ').Append(owner.Bio.Trim());
        }

        var url = $"{baseUrl}/u/{Uri.EscapeDataString(owner.Username)}";
        // Crawlers render raster images only, so the avatar wins when there is one; otherwise the stats card.
        var image = !string.IsNullOrWhiteSpace(owner.AvatarUrl) ? owner.AvatarUrl : $"{baseUrl}/v1/portfolio/{Uri.EscapeDataString(owner.Username)}/card.svg";
        return new Meta($"{Markup.Shorten(name, 80)} (@{owner.Username}) · compila.dev", Markup.Shorten(facts.ToString(), 200), url, "profile", image, "summary");
    }

    /// <summary>For private and unknown profiles alike: the site's own preview, nothing about the user.</summary>
    public static Meta Generic(string baseUrl) => new(GenericTitle, GenericDescription, baseUrl + "/", "website", null, "summary");

    public static string Inject(string indexHtml, Meta meta)
    {
        var title = Markup.Escape(meta.Title);
        var description = Markup.Escape(meta.Description);
        var html = TitleTag().Replace(indexHtml, _ => $"<title>{title}</title>", 1);
        html = DescriptionTag().Replace(html, _ => "", 1);

        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"""<meta name="description" content="{description}" />""").Append('\n');
        Property(head, "og:site_name", SiteName);
        Property(head, "og:type", meta.Type);
        Property(head, "og:title", meta.Title);
        Property(head, "og:description", meta.Description);
        Property(head, "og:url", meta.Url);
        Property(head, "og:locale", "pt_BR");
        if (meta.Image is { } image)
        {
            Property(head, "og:image", image);
        }

        Name(head, "twitter:card", meta.TwitterCard);
        Name(head, "twitter:title", meta.Title);
        Name(head, "twitter:description", meta.Description);
        if (meta.Image is { } twitterImage)
        {
            Name(head, "twitter:image", twitterImage);
        }

        head.Append(CultureInfo.InvariantCulture, $"""<link rel="canonical" href="{Markup.Escape(meta.Url)}" />""").Append('\n');
        var close = html.IndexOf("</head>", StringComparison.OrdinalIgnoreCase);
        return close < 0 ? head + html : html.Insert(close, head.ToString());
    }

    static void Property(StringBuilder head, string property, string content) =>
        head.Append(CultureInfo.InvariantCulture, $"""<meta property="{property}" content="{Markup.Escape(content)}" />""").Append('\n');

    static void Name(StringBuilder head, string name, string content) =>
        head.Append(CultureInfo.InvariantCulture, $"""<meta name="{name}" content="{Markup.Escape(content)}" />""").Append('\n');

    [GeneratedRegex(@"<title>.*?</title>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex TitleTag();

    [GeneratedRegex(@"<meta\s+name=""description""[^>]*>\s*", RegexOptions.IgnoreCase)]
    private static partial Regex DescriptionTag();
}
