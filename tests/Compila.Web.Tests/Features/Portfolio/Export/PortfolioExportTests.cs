using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Compila.Web.Tests.Features.Billing;
using Compila.Web.Tests.Infrastructure;

namespace Compila.Web.Tests.Features.Portfolio.Export;

public sealed partial class PortfolioExportTests(ExportApp fixture) : IClassFixture<ExportApp>
{
    readonly CompilaApp app = fixture.App;

    async Task<(TestUser User, HttpClient Client)> LearnerAsync(string fullName = "João Conceição", string visibility = "public")
    {
        var client = app.CreateClient();
        var user = await client.RegisterAsync();
        client.Authorized(user.AccessToken);
        var profile = await client.PutAsJsonAsync("/v1/me/profile", new
        {
            fullName,
            bio = "Desenvolvedor back-end em formação; automação, integração contínua e atenção à acessibilidade.",
            location = "São Paulo, SP",
            githubUrl = "https://github.com/joao",
            visibility,
        });
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        return (user, client);
    }

    [Fact]
    public async Task Export_ReturnsTheSignedInUsersCv_AsAPdfWithAccents_AQrCode_AndAFilename()
    {
        var (user, client) = await LearnerAsync();

        var response = await client.PostAsync("/v1/portfolio/export", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"curriculo-{user.Username}.pdf", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        var pdf = PdfText.Read(await response.Content.ReadAsByteArrayAsync());
        Assert.InRange(pdf.Pages, 1, 2);
        Assert.Contains("João Conceição", pdf.All, StringComparison.Ordinal);
        Assert.Contains("São Paulo, SP", pdf.All, StringComparison.Ordinal);
        Assert.Contains("atenção à acessibilidade", pdf.All, StringComparison.Ordinal);
        Assert.Contains("Nível 1 · 0 XP", pdf.All, StringComparison.Ordinal);
        Assert.Contains("GitHub: https://github.com/joao", pdf.All, StringComparison.Ordinal);
        Assert.Contains($"{ExportApp.PublicBase}/u/{user.Username}", pdf.All, StringComparison.Ordinal);
        Assert.True(pdf.Images >= 1, "the QR code image is missing");
    }

    [Fact]
    public async Task Export_ForTheFreePlan_HasTheCompilaFooter_ForPro_LeavesItOut_AndAnExpiredProHasItAgain()
    {
        var (user, client) = await LearnerAsync();
        var (lapsed, lapsedClient) = await LearnerAsync();

        var free = await ExportAsync(client);
        await PlanScenario.SetPlanAsync(app.Services, user.Id, "pro");
        var pro = await ExportAsync(client);
        await PlanScenario.SetPlanAsync(app.Services, lapsed.Id, "pro", DateTimeOffset.UtcNow.AddDays(-1));
        var expired = await ExportAsync(lapsedClient);

        Assert.Matches(@"Gerado em \d{2}/\d{2}/\d{4} por compila\.dev", free.All);
        Assert.DoesNotContain("compila.dev", pro.All, StringComparison.Ordinal);
        Assert.DoesNotContain("Gerado em", pro.All, StringComparison.Ordinal);
        // What the CV says stays: the page count and the public profile it points to.
        Assert.Contains("Página 1 de 1", pro.All, StringComparison.Ordinal);
        Assert.Contains($"{ExportApp.PublicBase}/u/{user.Username}", pro.All, StringComparison.Ordinal);
        Assert.Contains("por compila.dev", expired.All, StringComparison.Ordinal);
    }

    static async Task<PdfText> ExportAsync(HttpClient client)
    {
        var response = await client.PostAsync("/v1/portfolio/export", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return PdfText.Read(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task PassedChallenges_ShowAsVerifiedSkills_InTheCv_TheCard_AndThePreview_UnlessTheOwnerHidesSkills()
    {
        var (user, client) = await LearnerAsync();
        var challenges = await PortfolioScenario.ChallengesAsync(app.Services);
        await PortfolioScenario.JudgeAsync(app.Services, user.Id, challenges[0], "python", passed: true, PortfolioScenario.At(2));
        await PortfolioScenario.JudgeAsync(app.Services, user.Id, challenges[1], "python", passed: true, PortfolioScenario.At(1));
        await PortfolioScenario.JudgeAsync(app.Services, user.Id, challenges[1], "javascript", passed: true, PortfolioScenario.At(1, hour: 14));
        await PortfolioScenario.JudgeAsync(app.Services, user.Id, challenges[2], "go", passed: false, PortfolioScenario.At(1, hour: 15));
        await PublishedEvents.SettledAsync(app.Services);

        var pdf = PdfText.Read(await (await client.PostAsync("/v1/portfolio/export", null)).Content.ReadAsByteArrayAsync());
        var card = XDocument.Parse(await app.CreateClient().GetStringAsync($"/v1/portfolio/{user.Username}/card.svg"));
        var preview = Metas(await app.CreateClient().GetStringAsync($"/u/{user.Username}"));

        Assert.Contains("2 desafios aprovados", pdf.All, StringComparison.Ordinal);
        Assert.Contains("Python · linguagem 2 desafios aprovados", pdf.All, StringComparison.Ordinal);
        Assert.Contains("JavaScript · linguagem 1 desafio aprovado", pdf.All, StringComparison.Ordinal);
        Assert.DoesNotContain("Go · linguagem", pdf.All, StringComparison.Ordinal);
        var texts = card.Descendants().Where(e => e.Name.LocalName == "text").Select(t => t.Value).ToList();
        Assert.Equal(["Python", "2", "JavaScript", "1"], texts.SkipWhile(t => t != "Python").ToList());
        Assert.StartsWith("Nível 1 · 0 XP · 2 desafios aprovados · Python, JavaScript.", Meta(preview, "description"), StringComparison.Ordinal);

        var hide = await client.PutAsJsonAsync("/v1/me/profile", new { fullName = "João Conceição", visibility = "public", sections = new { skills = false } });
        Assert.Equal(HttpStatusCode.OK, hide.StatusCode);
        var hidden = PdfText.Read(await (await client.PostAsync("/v1/portfolio/export", null)).Content.ReadAsByteArrayAsync());
        Assert.DoesNotContain("Habilidades verificadas", hidden.All, StringComparison.Ordinal);
        Assert.DoesNotContain("Python", hidden.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_HoldsOnlyTheCallersOwnData()
    {
        var (_, ana) = await LearnerAsync("Ana Lúcia");
        var (bruno, brunoClient) = await LearnerAsync("Bruno Ávila");

        var pdf = PdfText.Read(await (await brunoClient.PostAsync("/v1/portfolio/export", null)).Content.ReadAsByteArrayAsync());

        Assert.Contains("Bruno Ávila", pdf.All, StringComparison.Ordinal);
        Assert.Contains($"@{bruno.Username}", pdf.All, StringComparison.Ordinal);
        Assert.DoesNotContain("Ana Lúcia", pdf.All, StringComparison.Ordinal);
        Assert.NotNull(ana);
    }

    [Fact]
    public async Task Export_WithoutSigningIn_Returns401()
    {
        var response = await app.CreateClient().PostAsync("/v1/portfolio/export", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Export_IsRateLimitedPerUser_WithAProblemInPortuguese()
    {
        var (_, client) = await LearnerAsync();
        for (var i = 0; i < ExportApp.ExportsPerMinute; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/v1/portfolio/export", null)).StatusCode);
        }

        var refused = await client.PostAsync("/v1/portfolio/export", null);

        var problem = await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("requisições", problem["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(refused.Headers.RetryAfter);
        // Another learner still has their own budget.
        var (_, other) = await LearnerAsync();
        Assert.Equal(HttpStatusCode.OK, (await other.PostAsync("/v1/portfolio/export", null)).StatusCode);
    }

    [Fact]
    public async Task Card_ForAPublicProfile_IsAnEscapedSvgWithoutScripts_CachedAndUnderACspThatForbidsScripts()
    {
        var (user, _) = await LearnerAsync("<script>alert('x')</script> Zé & Cia");

        var response = await app.CreateClient().GetAsync($"/v1/portfolio/{user.Username.ToUpperInvariant()}/card.svg");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl?.Public);
        Assert.True(response.Headers.CacheControl?.MaxAge > TimeSpan.Zero);
        var svg = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script", svg, StringComparison.OrdinalIgnoreCase);
        var document = XDocument.Parse(svg);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", document.Root!.Name);
        Assert.DoesNotContain(document.Descendants(), e => e.Name.LocalName is "script" or "foreignObject");
        Assert.DoesNotContain(document.Descendants().SelectMany(e => e.Attributes()), a => a.Name.LocalName.StartsWith("on", StringComparison.Ordinal) || a.Name.LocalName == "href");
        var texts = document.Descendants(ns + "text").Select(t => t.Value).ToList();
        Assert.Contains("<script>alert('x')</script> Zé & Cia", texts);
        Assert.Contains($"@{user.Username}", texts);
        Assert.Contains("Nível", texts);
        Assert.Contains("Desafios aprovados", texts);
    }

    [Theory]
    [InlineData("private")]
    [InlineData("link")]
    public async Task Card_ForAProfileThatIsNotPublic_Returns404LikeAnUnknownUser(string visibility)
    {
        var (user, owner) = await LearnerAsync(visibility: visibility);

        var hidden = await app.CreateClient().GetAsync($"/v1/portfolio/{user.Username}/card.svg");
        var asOwner = await owner.GetAsync($"/v1/portfolio/{user.Username}/card.svg");
        var unknown = await app.CreateClient().GetAsync("/v1/portfolio/ninguem_aqui_404/card.svg");

        await hidden.AssertProblemAsync(HttpStatusCode.NotFound);
        await asOwner.AssertProblemAsync(HttpStatusCode.NotFound);
        await unknown.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ProfilePage_ForAPublicProfile_RendersTitleDescriptionOpenGraphAndTwitterMeta_Escaped()
    {
        var (user, _) = await LearnerAsync("Zé \"<b>Ninguém</b>\"");

        var response = await app.CreateClient().GetAsync($"/u/{user.Username}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Single(Titles().Matches(html));
        Assert.Equal($"Zé \"<b>Ninguém</b>\" (@{user.Username}) · compila.dev", System.Net.WebUtility.HtmlDecode(Titles().Match(html).Groups[1].Value));
        var meta = Metas(html);
        Assert.Single(meta, m => m.Key == "description");
        Assert.StartsWith("Nível 1 · 0 XP · 0 desafios aprovados. Desenvolvedor back-end", meta.Single(m => m.Key == "description").Value, StringComparison.Ordinal);
        Assert.Equal("profile", Meta(meta, "og:type"));
        Assert.Equal($"Zé \"<b>Ninguém</b>\" (@{user.Username}) · compila.dev", Meta(meta, "og:title"));
        Assert.Equal($"{ExportApp.PublicBase}/u/{user.Username}", Meta(meta, "og:url"));
        Assert.Equal($"{ExportApp.PublicBase}/v1/portfolio/{user.Username}/card.svg", Meta(meta, "og:image"));
        Assert.Equal(Meta(meta, "description"), Meta(meta, "og:description"));
        Assert.Equal("summary", Meta(meta, "twitter:card"));
        Assert.Equal(Meta(meta, "og:title"), Meta(meta, "twitter:title"));
        // The SPA itself is untouched.
        Assert.Contains("<div id=\"root\"></div>", html, StringComparison.Ordinal);
        Assert.Contains("/assets/index-abc123.js", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProfilePage_ForPrivateLinkOnlyOrUnknownUsers_IsTheSameGenericPage_ThatNamesNobody()
    {
        var (hidden, _) = await LearnerAsync("Helena Privada", "private");
        var (linked, _) = await LearnerAsync("Lia Recrutável", "link");
        var anonymous = app.CreateClient();

        var pages = new List<string>();
        foreach (var username in new[] { hidden.Username, linked.Username, "ninguem_aqui_404" })
        {
            var response = await anonymous.GetAsync($"/u/{username}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            pages.Add(await response.Content.ReadAsStringAsync());
        }

        Assert.All(pages, page => Assert.Equal(pages[2], page));
        Assert.DoesNotContain("Helena", pages[0], StringComparison.Ordinal);
        Assert.DoesNotContain(hidden.Username, pages[0], StringComparison.Ordinal);
        Assert.DoesNotContain("Lia", pages[1], StringComparison.Ordinal);
        var meta = Metas(pages[0]);
        Assert.Equal("website", Meta(meta, "og:type"));
        Assert.Equal("compila.dev", Meta(meta, "og:title"));
        Assert.DoesNotContain(meta, m => m.Key == "og:image");
    }

    static string Meta(List<KeyValuePair<string, string>> meta, string key) => meta.Single(m => m.Key == key).Value;

    static List<KeyValuePair<string, string>> Metas(string html)
    {
        var head = html[..html.IndexOf("</head>", StringComparison.Ordinal)];
        return MetaTags().Matches(head)
            .Select(m => KeyValuePair.Create(m.Groups["key"].Value, System.Net.WebUtility.HtmlDecode(m.Groups["content"].Value)))
            .ToList();
    }

    [GeneratedRegex("<title>(.*?)</title>", RegexOptions.Singleline)]
    private static partial Regex Titles();

    [GeneratedRegex("""<meta (?:name|property)="(?<key>[^"]+)" content="(?<content>[^"]*)" />""")]
    private static partial Regex MetaTags();
}
