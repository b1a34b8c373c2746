using Compila.Web.Features.Portfolio.Export;

namespace Compila.Web.Tests.Features.Portfolio.Export;

[Trait("Lane", "Fast")]
public sealed class CvPdfTests
{
    static CvDocument Cv(int skills = 2, int projects = 1, int badges = 1, string? bio = null) => new(
        "Conceição Araújo",
        "conceicao",
        bio ?? "Desenvolvedora back-end em formação, apaixonada por automação e integração contínua.",
        "São Luís, MA",
        [new CvLink("GitHub", "https://github.com/conceicao")],
        7,
        2450,
        23,
        Enumerable.Range(1, skills).Select(i => i == 1 ? new CvSkill("stack", "backend", 12, "mid") : new CvSkill(i % 2 == 0 ? "language" : "technology", i % 2 == 0 ? "python" : "programação", 10 + i, "mid")).ToList(),
        Enumerable.Range(1, projects).Select(i => new CvProject($"Projeto {i}: API de reservas", "Uma API de reservas com autenticação e paginação.", "backend", ["ASP.NET Core", "PostgreSQL"], "https://exemplo.dev/p", "Desafio fila-de-prioridade em Python: 12/12 testes em 03/03/2025")).ToList(),
        Enumerable.Range(1, badges).Select(i => new CvBadge($"Conquista {i}", "Passou em dez desafios sem desistir")).ToList(),
        "https://compila.dev/u/conceicao",
        new DateTimeOffset(2025, 3, 10, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Render_Unbranded_LeavesOutTheFooter_AndKeepsTheEvidenceAndPageNumbers()
    {
        var branded = PdfText.Read(CvPdf.Render(Cv()));
        var unbranded = PdfText.Read(CvPdf.Render(Cv() with { Branded = false }));

        Assert.Contains("Gerado em 10/03/2025 por compila.dev", branded.All, StringComparison.Ordinal);
        Assert.DoesNotContain("Gerado em", unbranded.All, StringComparison.Ordinal);
        Assert.Contains("Página 1 de 1", unbranded.All, StringComparison.Ordinal);
        Assert.Contains("verificado pelos testes do compila.dev", unbranded.All, StringComparison.Ordinal);
        Assert.Contains("https://compila.dev/u/conceicao", unbranded.All, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WritesTheProfileInPortuguese_WithAccents_AndAQrCode()
    {
        var pdf = PdfText.Read(CvPdf.Render(Cv()));

        Assert.Equal(1, pdf.Pages);
        Assert.Contains("Conceição Araújo", pdf.All, StringComparison.Ordinal);
        Assert.Contains("São Luís, MA", pdf.All, StringComparison.Ordinal);
        Assert.Contains("Nível 7 · 2.450 XP · 23 desafios aprovados", pdf.All, StringComparison.Ordinal);
        Assert.Contains("Habilidades verificadas", pdf.All, StringComparison.Ordinal);
        Assert.Contains("Back-end · área", pdf.All, StringComparison.Ordinal);
        Assert.Contains("Python · linguagem", pdf.All, StringComparison.Ordinal);
        Assert.Contains("até o nível pleno", pdf.All, StringComparison.Ordinal);
        Assert.Contains("Projeto 1: API de reservas", pdf.All, StringComparison.Ordinal);
        Assert.Contains("12/12 testes", pdf.All, StringComparison.Ordinal);
        Assert.Contains("Conquista 1", pdf.All, StringComparison.Ordinal);
        Assert.Contains("https://compila.dev/u/conceicao", pdf.All, StringComparison.Ordinal);
        Assert.Contains("Página 1 de 1", pdf.All, StringComparison.Ordinal);
        Assert.Equal(1, pdf.Images);
        Assert.Contains("Conceição Araújo", pdf.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WhenContentIsLong_FlowsToASecondPage_WithoutSplittingWords()
    {
        var bio = string.Join(' ', Enumerable.Repeat("Integração", 60)) + " " + new string('w', 200);
        var pdf = PdfText.Read(CvPdf.Render(Cv(skills: 12, projects: 6, badges: 4, bio: bio)));

        Assert.Equal(2, pdf.Pages);
        Assert.Contains("Página 2 de 2", pdf.PageTexts[1], StringComparison.Ordinal);
        // Every word of the bio is whole; the one wider than the column is split with a hyphen and nothing is lost.
        Assert.Equal(60, pdf.All.Split(' ', '\n').Count(w => w == "Integração"));
        Assert.Equal(200, pdf.All.Count(c => c == 'w'));
        Assert.Contains("Projeto 6: API de reservas", pdf.All, StringComparison.Ordinal);
        Assert.DoesNotContain("ficaram de fora", pdf.All, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WhenContentExceedsTwoPages_LeavesWholeEntriesOut_AndSaysSo()
    {
        var pdf = PdfText.Read(CvPdf.Render(Cv(skills: 40, projects: 30, badges: 30)));

        Assert.Equal(2, pdf.Pages);
        Assert.Contains("ficaram de fora", pdf.PageTexts[1], StringComparison.Ordinal);
        Assert.Contains("Veja tudo em https://compila.dev/u/conceicao", pdf.PageTexts[1], StringComparison.Ordinal);
        // The last project shown is whole: its title comes with its verification line.
        var shown = Enumerable.Range(1, 30).Where(i => pdf.All.Contains($"Projeto {i}: API de reservas", StringComparison.Ordinal)).ToList();
        Assert.Equal(Enumerable.Range(1, shown.Count), shown);
        Assert.Equal(shown.Count, pdf.All.Split("12/12 testes").Length - 1);
    }
}
