using System.Security.Claims;
using System.Text;
using Compila.Web.Features.Billing.Contracts;
using Compila.Web.Features.Users.Contracts;
using Compila.Web.Infrastructure.Identity;
using Compila.Web.Infrastructure.RateLimiting;
using Compila.Web.Infrastructure.Spa;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Compila.Web.Features.Portfolio.Export;

/// <summary>The portfolio leaving the site: the PDF CV, the README stats card and link previews of <c>/u/{username}</c>.</summary>
public static class PortfolioExportApi
{
    public const string PdfContentType = "application/pdf";

    public static void MapPortfolioExportApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/portfolio").WithTags("Portfolio");
        api.MapPost("/export", ExportCv).WithName("ExportPortfolioCv").RequireAuthorization()
            .WithRateLimitClass(RateLimitClass.Export)
            .Produces(StatusCodes.Status200OK, contentType: PdfContentType);
        api.MapGet("/{username}/card.svg", GetCard).WithName("GetPortfolioCard").AllowAnonymous()
            .Produces(StatusCodes.Status200OK, contentType: "image/svg+xml");

        app.MapMethods("/u/{username}", ["GET", "HEAD"], GetProfilePage).AllowAnonymous().ExcludeFromDescription();
    }

    /// <summary>
    /// The owner's CV. The free plan's carries the "Gerado por compila.dev" footer; a plan that unlocks
    /// <see cref="PlanCapability.CvWithoutBranding"/> leaves it out. Free callers get the footed CV, not an error.
    /// </summary>
    internal static async Task<Results<FileContentHttpResult, NotFound>> ExportCv(
        ClaimsPrincipal principal, HttpContext http, PortfolioFacts facts, IPlanGates plans, IOptions<PortfolioExportOptions> options,
        TimeProvider clock, CancellationToken ct)
    {
        var owner = principal.CurrentUserId() is { } id ? await facts.FindAsync(id, ct) : null;
        if (owner is null)
        {
            return TypedResults.NotFound();
        }

        var snapshot = await facts.SnapshotAsync(owner, ct);
        var url = $"{options.Value.PublicBase(http.Request)}/u/{Uri.EscapeDataString(owner.Username)}";
        var branded = !await plans.UnlocksAsync(owner.Id, PlanCapability.CvWithoutBranding, ct);
        var pdf = CvPdf.Render(PortfolioFacts.Cv(snapshot, url, clock.GetUtcNow(), branded));
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(pdf, PdfContentType, $"curriculo-{owner.Username}.pdf");
    }

    internal static async Task<Results<ContentHttpResult, NotFound>> GetCard(
        string username, HttpContext http, PortfolioFacts facts, IUserDirectory users, CancellationToken ct)
    {
        // Only a profile anyone may see has a card: it is embedded where no viewer and no share link exist.
        var owner = await facts.FindAsync(username, ct);
        if (owner is null || !await users.CanViewAsync(owner, viewerId: null, shareToken: null, ct))
        {
            http.Response.Headers.CacheControl = "no-store";
            return TypedResults.NotFound();
        }

        var svg = StatsCard.Render(await facts.SnapshotAsync(owner, ct));
        var headers = http.Response.Headers;
        // Short enough that going private, or a new level, shows within minutes where the card is embedded.
        headers.CacheControl = "public, max-age=900";
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; script-src 'none'; sandbox";
        headers.XContentTypeOptions = "nosniff";
        return TypedResults.Text(svg, "image/svg+xml; charset=utf-8", Encoding.UTF8);
    }

    internal static async Task<IResult> GetProfilePage(
        string username, HttpContext http, PortfolioFacts facts, IUserDirectory users, IWebHostEnvironment environment,
        IOptions<PortfolioExportOptions> options, CancellationToken ct)
    {
        var index = SpaHosting.IndexPath(environment);
        if (!File.Exists(index))
        {
            return TypedResults.NotFound();
        }

        var baseUrl = options.Value.PublicBase(http.Request);
        // Crawlers carry no session or share link: only a public profile gets its own preview; private, link-only
        // and unknown users get the site's generic one, so the preview tells nothing about whether they exist.
        var owner = await facts.FindAsync(username, ct);
        var meta = owner is not null && await users.CanViewAsync(owner, viewerId: null, shareToken: null, ct)
            ? LinkPreview.ForProfile(await facts.SnapshotAsync(owner, ct), baseUrl)
            : LinkPreview.Generic(baseUrl);

        var html = LinkPreview.Inject(await File.ReadAllTextAsync(index, ct), meta);
        http.Response.Headers.CacheControl = "no-cache";
        return TypedResults.Content(html, "text/html; charset=utf-8", Encoding.UTF8);
    }
}
