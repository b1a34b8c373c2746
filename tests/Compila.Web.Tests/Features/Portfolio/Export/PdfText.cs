using UglyToad.PdfPig;

namespace Compila.Web.Tests.Features.Portfolio.Export;

/// <summary>A PDF read back the way a recruiter's viewer would: its pages' words and images.</summary>
public sealed record PdfText(int Pages, IReadOnlyList<string> PageTexts, int Images, string Title)
{
    public string All => string.Join("\n", PageTexts);

    public static PdfText Read(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var texts = document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))).ToList();
        var images = document.GetPages().Sum(p => p.GetImages().Count());
        return new PdfText(document.NumberOfPages, texts, images, document.Information.Title ?? "");
    }
}
