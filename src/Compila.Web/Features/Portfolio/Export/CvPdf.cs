using System.Globalization;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;

namespace Compila.Web.Features.Portfolio.Export;

/// <summary>
/// Renders a <see cref="CvDocument"/> as an A4 pt-BR PDF of one or two pages. Layout is planned before anything is
/// drawn: text wraps at word boundaries (a word wider than the column is split with a hyphen), an entry that fits on a
/// page is never split across two, and what does not fit in two pages is left out whole and named in a closing note
/// that points to the public profile, so nothing is cut silently.
/// </summary>
internal static class CvPdf
{
    public const int MaxPages = 2;

    static readonly CultureInfo PtBr = CultureInfo.GetCultureInfo("pt-BR");
    static readonly XColor Ink = XColor.FromArgb(0x1f, 0x29, 0x37);
    static readonly XColor Muted = XColor.FromArgb(0x4b, 0x55, 0x63);
    static readonly XColor Accent = XColor.FromArgb(0x6d, 0x28, 0xd9);
    static readonly XColor Verified = XColor.FromArgb(0x04, 0x78, 0x57);

    const double PageWidth = 595.28; // A4 in points
    const double PageHeight = 841.89;
    const double Margin = 48;
    const double ContentWidth = PageWidth - 2 * Margin;
    const double FooterTop = PageHeight - Margin + 12;
    const double ContentBottom = PageHeight - Margin - 6;
    const double QrSize = 86;
    const double HeaderWidth = ContentWidth - QrSize - 18;

    public static byte[] Render(CvDocument cv)
    {
        CvFonts.EnsureInstalled();
        var fonts = new Fonts();
        var plan = Plan(cv, fonts);

        using var document = new PdfDocument();
        document.Info.Title = $"Currículo — {Clean(cv.Name)}";
        document.Info.Author = Clean(cv.Name);
        document.Info.Subject = $"Perfil verificado de @{cv.Username} no compila.dev";
        if (cv.Branded)
        {
            document.Info.Creator = "compila.dev";
        }

        document.PageLayout = PdfPageLayout.SinglePage;

        var qr = QrPng(cv.PublicUrl);
        for (var index = 0; index < plan.Pages.Count; index++)
        {
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(PageWidth);
            page.Height = XUnit.FromPoint(PageHeight);
            using var gfx = XGraphics.FromPdfPage(page);
            if (index == 0)
            {
                using var stream = new MemoryStream(qr);
                using var image = XImage.FromStream(stream);
                gfx.DrawImage(image, PageWidth - Margin - QrSize, Margin, QrSize, QrSize);
            }

            foreach (var item in plan.Pages[index])
            {
                item.Draw(gfx);
            }

            if (cv.Branded)
            {
                var generated = cv.GeneratedAt.ToOffset(TimeSpan.FromHours(-3)).ToString("dd/MM/yyyy", PtBr);
                var footer = $"Gerado em {generated} por compila.dev · {cv.PublicUrl}";
                gfx.DrawString(Fit(gfx, footer, fonts.Small, ContentWidth - 90), fonts.Small, new XSolidBrush(Muted), new XPoint(Margin, FooterTop));
            }

            gfx.DrawString($"Página {index + 1} de {plan.Pages.Count}", fonts.Small, new XSolidBrush(Muted),
                new XRect(Margin, FooterTop - fonts.Small.Size, ContentWidth, fonts.Small.Size * 1.3), XStringFormats.TopRight);
        }

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    sealed class Fonts
    {
        public readonly XFont Name = new(CvFonts.Family, 20, XFontStyleEx.Bold);
        public readonly XFont Stats = new(CvFonts.Family, 11, XFontStyleEx.Bold);
        public readonly XFont Heading = new(CvFonts.Family, 12.5, XFontStyleEx.Bold);
        public readonly XFont Title = new(CvFonts.Family, 10, XFontStyleEx.Bold);
        public readonly XFont Body = new(CvFonts.Family, 9.5, XFontStyleEx.Regular);
        public readonly XFont Small = new(CvFonts.Family, 8, XFontStyleEx.Regular);
    }

    /// <summary>One thing drawn at a position; <see cref="Height"/> is the vertical space it takes in the flow.</summary>
    abstract record Item(double Height)
    {
        public double Y { get; set; }

        public abstract void Draw(XGraphics gfx);
    }

    sealed record TextLine(string Text, XFont Font, XColor Color, double Height) : Item(Height)
    {
        public override void Draw(XGraphics gfx) =>
            gfx.DrawString(Text, Font, new XSolidBrush(Color), new XPoint(Margin, Y + Font.Size));
    }

    sealed record Rule(double Height) : Item(Height)
    {
        public override void Draw(XGraphics gfx) =>
            gfx.DrawLine(new XPen(XColor.FromArgb(0xd1, 0xd5, 0xdb), 0.6), Margin, Y + Height / 2, Margin + ContentWidth, Y + Height / 2);
    }

    sealed record Gap(double Height) : Item(Height)
    {
        public override void Draw(XGraphics gfx)
        {
        }
    }

    /// <summary>A run of items placed together when <see cref="KeepTogether"/>; <see cref="Section"/> names it in the overflow note.</summary>
    sealed record Block(List<Item> Items, bool KeepTogether, string? Section)
    {
        public double Height => Items.Sum(i => i.Height);
    }

    sealed record Layout(List<List<Item>> Pages);

    static Layout Plan(CvDocument cv, Fonts fonts)
    {
        var measure = XGraphics.CreateMeasureContext(new XSize(PageWidth, PageHeight), XGraphicsUnit.Point, XPageDirection.Downwards);
        var pages = new List<List<Item>> { new() };
        var y = Margin;

        // The header sits beside the QR code on the first page.
        var header = new List<Item>();
        header.AddRange(Lines(measure, cv.Name, fonts.Name, Ink, HeaderWidth, 1.15));
        var handle = string.IsNullOrWhiteSpace(cv.Location) ? $"@{cv.Username}" : $"@{cv.Username} · {cv.Location}";
        header.AddRange(Lines(measure, handle, fonts.Body, Muted, HeaderWidth));
        header.Add(new Gap(4));
        var stats = $"Nível {cv.Level} · {cv.Xp.ToString("N0", PtBr)} XP · {Plural(cv.ChallengesPassed, "desafio aprovado", "desafios aprovados")}";
        header.AddRange(Lines(measure, stats, fonts.Stats, Accent, HeaderWidth));
        if (!string.IsNullOrWhiteSpace(cv.Headline))
        {
            header.Add(new Gap(4));
            header.AddRange(Lines(measure, cv.Headline, fonts.Body, Ink, HeaderWidth));
        }

        header.Add(new Gap(4));
        foreach (var link in cv.Links)
        {
            header.AddRange(Lines(measure, $"{link.Label}: {link.Url}", fonts.Small, Muted, HeaderWidth));
        }

        header.AddRange(Lines(measure, $"Perfil público verificado: {cv.PublicUrl}", fonts.Small, Accent, HeaderWidth));

        var blocks = new List<Block> { new(header, KeepTogether: false, null) };
        var afterHeader = Margin + QrSize + 10;

        AddSection(blocks, measure, fonts, "Habilidades verificadas", "habilidades", cv.Skills.Select(skill =>
        {
            var items = new List<Item>();
            var title = $"{SkillName(skill.Kind, skill.Name)} · {KindLabel(skill.Kind)}";
            items.AddRange(Lines(measure, title, fonts.Title, Ink, ContentWidth));
            var detail = Plural(skill.ChallengesPassed, "desafio aprovado", "desafios aprovados")
                + (LevelLabel(skill.TopLevel) is { } level ? $", até o nível {level}" : "")
                + " · verificado pelos testes do compila.dev";
            items.AddRange(Lines(measure, detail, fonts.Body, Muted, ContentWidth));
            return items;
        }));

        AddSection(blocks, measure, fonts, "Projetos em destaque", "projetos", cv.Projects.Select(project =>
        {
            var items = new List<Item>();
            items.AddRange(Lines(measure, project.Title, fonts.Title, Ink, ContentWidth));
            var tech = string.Join(" · ", new[] { StackLabel(project.Stack), string.Join(", ", project.Technologies) }.Where(s => !string.IsNullOrWhiteSpace(s)));
            if (tech.Length > 0)
            {
                items.AddRange(Lines(measure, tech, fonts.Small, Muted, ContentWidth));
            }

            if (!string.IsNullOrWhiteSpace(project.ShortDescription))
            {
                items.AddRange(Lines(measure, project.ShortDescription, fonts.Body, Ink, ContentWidth));
            }

            if (!string.IsNullOrWhiteSpace(project.Verification))
            {
                items.AddRange(Lines(measure, "✔ " + project.Verification, fonts.Small, Verified, ContentWidth));
            }

            if (!string.IsNullOrWhiteSpace(project.Url))
            {
                items.AddRange(Lines(measure, project.Url, fonts.Small, Muted, ContentWidth));
            }

            return items;
        }));

        AddSection(blocks, measure, fonts, "Conquistas", "conquistas", cv.Badges.Select(badge =>
        {
            var text = string.IsNullOrWhiteSpace(badge.Description) ? badge.Name : $"{badge.Name} — {badge.Description}";
            return Lines(measure, text, fonts.Body, Ink, ContentWidth).ToList<Item>();
        }));

        // Reserved on the last page so the note fits whenever something is left out.
        const double noteHeight = 26;
        var omitted = new Dictionary<string, int>();
        var full = false;
        for (var b = 0; b < blocks.Count; b++)
        {
            var block = blocks[b];
            if (full)
            {
                Omit(block);
                continue;
            }

            var bottom = pages.Count == MaxPages ? ContentBottom - noteHeight : ContentBottom;
            if (block.KeepTogether && y + block.Height > bottom && block.Height <= ContentBottom - Margin)
            {
                if (!NextPage())
                {
                    full = true;
                    Omit(block);
                    continue;
                }
            }

            foreach (var item in block.Items)
            {
                bottom = pages.Count == MaxPages ? ContentBottom - noteHeight : ContentBottom;
                if (y + item.Height > bottom && !NextPage())
                {
                    // A flowing block (the header) met the end: lines already placed end at a word boundary.
                    full = true;
                    omitted["texto"] = 1;
                    break;
                }

                if (item is Gap && y == Margin)
                {
                    continue;
                }

                item.Y = y;
                pages[^1].Add(item);
                y += item.Height;
            }

            if (b == 0)
            {
                y = Math.Max(y, afterHeader);
            }
        }

        if (omitted.Count > 0)
        {
            var left = string.Join(", ", omitted.Select(o => o.Key == "texto" ? "parte do texto" : $"{o.Value} {o.Key}"));
            var note = new List<Item> { new Gap(6) };
            note.AddRange(Lines(measure, $"Resumo em duas páginas: ficaram de fora {left}. Veja tudo em {cv.PublicUrl}", fonts.Small, Accent, ContentWidth));
            foreach (var item in note)
            {
                item.Y = y;
                pages[^1].Add(item);
                y += item.Height;
            }
        }

        return new Layout(pages);

        bool NextPage()
        {
            if (pages.Count == MaxPages)
            {
                return false;
            }

            pages.Add([]);
            y = Margin;
            return true;
        }

        void Omit(Block block)
        {
            if (block.Section is { } section)
            {
                omitted[section] = omitted.GetValueOrDefault(section) + 1;
            }
        }
    }

    /// <summary>A heading kept with the first entry, then one kept-together block per entry; nothing when empty.</summary>
    static void AddSection(List<Block> blocks, XGraphics measure, Fonts fonts, string heading, string noun, IEnumerable<List<Item>> entries)
    {
        var first = true;
        foreach (var entry in entries)
        {
            var items = new List<Item>();
            if (first)
            {
                items.Add(new Gap(10));
                items.AddRange(Lines(measure, heading, fonts.Heading, Accent, ContentWidth, 1.3));
                items.Add(new Rule(6));
                first = false;
            }
            else
            {
                items.Add(new Gap(5));
            }

            items.AddRange(entry);
            blocks.Add(new Block(items, KeepTogether: true, noun));
        }
    }

    static IEnumerable<TextLine> Lines(XGraphics measure, string text, XFont font, XColor color, double width, double leading = 1.35) =>
        Wrap(measure, Clean(text), font, width).Select(line => new TextLine(line, font, color, font.Size * leading));

    /// <summary>Greedy word wrap; paragraphs stay paragraphs, and a word wider than the column is split with a hyphen.</summary>
    internal static List<string> Wrap(XGraphics measure, string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var line = new StringBuilder();
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : $"{line} {word}";
                if (Width(measure, candidate, font) <= width)
                {
                    line.Clear().Append(candidate);
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                }

                var rest = word;
                while (Width(measure, rest, font) > width)
                {
                    var take = rest.Length - 1;
                    while (take > 1 && Width(measure, rest[..take] + "-", font) > width)
                    {
                        take--;
                    }

                    lines.Add(rest[..take] + "-");
                    rest = rest[take..];
                }

                line.Append(rest);
            }

            if (line.Length > 0 || lines.Count == 0)
            {
                lines.Add(line.ToString());
            }
        }

        return lines;
    }

    static double Width(XGraphics measure, string text, XFont font) => measure.MeasureString(text, font).Width;

    /// <summary>Shortens a one-line text (the footer) at a word boundary, marking the cut with an ellipsis.</summary>
    static string Fit(XGraphics gfx, string text, XFont font, double width)
    {
        if (Width(gfx, text, font) <= width)
        {
            return text;
        }

        var words = text.Split(' ').ToList();
        while (words.Count > 1 && Width(gfx, string.Join(' ', words) + " …", font) > width)
        {
            words.RemoveAt(words.Count - 1);
        }

        return string.Join(' ', words) + " …";
    }

    /// <summary>Line breaks normalised, control characters and characters outside the font's plane (emoji) dropped.</summary>
    internal static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace('\t', ' '))
        {
            if (c == '\n' || (!char.IsControl(c) && !char.IsSurrogate(c)))
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Trim();
    }

    static string Plural(int count, string one, string many) => count == 1 ? $"1 {one}" : $"{count.ToString("N0", PtBr)} {many}";

    internal static string? LevelLabel(string? level) => level?.ToLowerInvariant() switch
    {
        "beginner" => "iniciante",
        "junior" => "júnior",
        "mid" => "pleno",
        "senior" => "sênior",
        "expert" => "especialista",
        null or "" => null,
        var other => other,
    };

    static string KindLabel(string kind) => kind switch
    {
        "language" => "linguagem",
        "technology" => "tecnologia",
        "stack" => "área",
        _ => kind,
    };

    /// <summary>Skill names are stored in lower case; people read them as they are spelled.</summary>
    internal static string SkillName(string kind, string name) => kind == "stack"
        ? StackLabel(name) ?? name
        : name.ToLowerInvariant() switch
        {
            "python" => "Python",
            "javascript" => "JavaScript",
            "typescript" => "TypeScript",
            "java" => "Java",
            "go" => "Go",
            "csharp" or "c#" => "C#",
            "cpp" or "c++" => "C++",
            "c" => "C",
            "rust" => "Rust",
            "kotlin" => "Kotlin",
            "php" => "PHP",
            "ruby" => "Ruby",
            "sql" => "SQL",
            "html" => "HTML",
            "css" => "CSS",
            "react" => "React",
            "nodejs" or "node" => "Node.js",
            "docker" => "Docker",
            "git" => "Git",
            "api" => "API",
            "rest" => "REST",
            _ when name.Length > 0 => char.ToUpperInvariant(name[0]) + name[1..],
            _ => name,
        };

    internal static string? StackLabel(string? stack) => stack?.ToLowerInvariant() switch
    {
        "frontend" => "Front-end",
        "backend" => "Back-end",
        "mobile" => "Mobile",
        "devops" => "DevOps",
        "iot" => "IoT",
        "data" => "Dados",
        null or "" => null,
        var other => other,
    };

    static byte[] QrPng(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        using var png = new PngByteQRCode(data);
        return png.GetGraphic(8, [0, 0, 0, 255], [255, 255, 255, 255], drawQuietZones: true);
    }
}
