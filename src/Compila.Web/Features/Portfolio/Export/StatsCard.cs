using System.Globalization;
using System.Text;

namespace Compila.Web.Features.Portfolio.Export;

/// <summary>
/// The stats card a learner embeds in a GitHub README: level, XP, challenges passed and top languages. Plain SVG with
/// no script, no external reference and every user string escaped, served under a CSP that forbids scripts anyway.
/// </summary>
internal static class StatsCard
{
    const int Width = 495;
    static readonly CultureInfo PtBr = CultureInfo.GetCultureInfo("pt-BR");
    static readonly string[] BarColors = ["#6d28d9", "#0891b2", "#059669", "#d97706"];

    public static string Render(PortfolioSnapshot snapshot)
    {
        var owner = snapshot.Owner;
        var name = Markup.Shorten(string.IsNullOrWhiteSpace(owner.FullName) ? owner.Username : owner.FullName, 36);
        var languages = snapshot.TopLanguages(4);
        var height = 150 + (languages.Count == 0 ? 18 : languages.Count * 22);
        var title = $"{name} (@{owner.Username}) no compila.dev";

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" width="{Width}" height="{height}" viewBox="0 0 {Width} {height}" role="img" aria-labelledby="title">""");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"title\">{Markup.Escape(title)}</title>");
        svg.Append("<style>text{font-family:'Segoe UI',Ubuntu,'DejaVu Sans',sans-serif;fill:#1f2937}.name{font-size:18px;font-weight:700}.handle{font-size:12px;fill:#6b7280}.label{font-size:11px;fill:#6b7280}.value{font-size:20px;font-weight:700;fill:#6d28d9}.lang{font-size:12px}.brand{font-size:11px;fill:#6d28d9;font-weight:700}</style>");
        svg.Append(CultureInfo.InvariantCulture, $"""<rect x="0.5" y="0.5" width="{Width - 1}" height="{height - 1}" rx="8" fill="#ffffff" stroke="#e5e7eb"/>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="24" y="36" class="name">{Markup.Escape(name)}</text>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="24" y="56" class="handle">@{Markup.Escape(owner.Username)}</text>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="{Width - 24}" y="36" class="brand" text-anchor="end">compila.dev</text>""");

        Stat(svg, 24, "Nível", owner.Level.ToString(PtBr));
        Stat(svg, 150, "XP", owner.Xp.ToString("N0", PtBr));
        Stat(svg, 290, "Desafios aprovados", snapshot.ChallengesPassed.ToString("N0", PtBr));

        svg.Append("""<text x="24" y="136" class="label">Principais linguagens (desafios aprovados)</text>""");
        if (languages.Count == 0)
        {
            svg.Append("""<text x="24" y="156" class="lang">Nenhum desafio aprovado ainda</text>""");
        }

        var most = languages.Count == 0 ? 1 : Math.Max(1, languages[0].Passed);
        for (var i = 0; i < languages.Count; i++)
        {
            var (language, passed) = languages[i];
            var y = 156 + i * 22;
            var bar = Math.Max(4, (int)Math.Round(220.0 * passed / most));
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="24" y="{y}" class="lang">{Markup.Escape(Markup.Shorten(language, 20))}</text>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<rect x="160" y="{y - 10}" width="{bar}" height="10" rx="5" fill="{BarColors[i % BarColors.Length]}"/>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{168 + bar}" y="{y}" class="lang">{passed.ToString("N0", PtBr)}</text>""");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    static void Stat(StringBuilder svg, int x, string label, string value)
    {
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="{x}" y="88" class="label">{label}</text>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="{x}" y="112" class="value">{value}</text>""");
    }
}
