using PdfSharp.Fonts;

namespace Compila.Web.Features.Portfolio.Export;

/// <summary>
/// The CV's one font family, DejaVu Sans, read from the assembly: PDFsharp has no system fonts on Linux, and shipping
/// the files makes accents (ç, ã, é) render the same on every machine and container.
/// </summary>
internal sealed class CvFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    const string Regular = "DejaVuSans";
    const string Bold = "DejaVuSans-Bold";
    static readonly Lock Gate = new();

    /// <summary>Installs the resolver once per process; PDFsharp's resolver is global.</summary>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not CvFonts)
            {
                GlobalFontSettings.FontResolver = new CvFonts();
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        // Every family resolves to DejaVu Sans; italic is simulated by PDFsharp, which the CV does not use.
        new(bold ? Bold : Regular, false, italic);

    public byte[]? GetFont(string faceName)
    {
        var name = $"Compila.Web.Features.Portfolio.Export.Fonts.{faceName}.ttf";
        using var stream = typeof(CvFonts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"font resource {name} is missing");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
