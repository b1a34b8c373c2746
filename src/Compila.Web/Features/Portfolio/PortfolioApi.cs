using System.Security.Claims;
using Compila.Web.Features.Gamification.Contracts;
using Compila.Web.Features.Portfolio.Activity;
using Compila.Web.Features.Portfolio.Contracts;
using Compila.Web.Features.Users.Contracts;
using Compila.Web.Infrastructure.Data;
using Compila.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Compila.Web.Features.Portfolio;

public sealed record PortfolioProfile(
    string Username,
    string? FullName,
    string? Bio,
    string? AvatarUrl,
    string? Location,
    string? WebsiteUrl,
    string? GithubUrl,
    string? LinkedinUrl,
    DateTimeOffset MemberSince);

public sealed record PortfolioSections(bool Badges, bool Heatmap, bool Skills, bool Projects);

public sealed record PortfolioBadge(string Id, string Name, string? Description, string? IconUrl, string Rarity, string? Category, DateTimeOffset EarnedAt);

/// <summary><paramref name="ChallengeUrl"/> is the challenge's public page; the submission id is what the server attests.</summary>
public sealed record PortfolioEvidence(
    Guid SubmissionId, Guid ChallengeId, string ChallengeSlug, string ChallengeUrl, string Language, string Stack, string Level, DateTimeOffset PassedAt);

/// <summary>
/// <paramref name="Kind"/> is language, technology or stack; <paramref name="ByLevel"/> counts distinct challenges per
/// level label; <paramref name="Evidence"/> lists the most recent <see cref="PortfolioApi.EvidencePerSkill"/> of
/// <paramref name="EvidenceTotal"/>.
/// </summary>
public sealed record PortfolioSkill(
    string Kind, string Name, int ChallengesPassed, string HighestLevel, IReadOnlyDictionary<string, int> ByLevel,
    DateTimeOffset FirstEvidenceAt, DateTimeOffset LastEvidenceAt, int EvidenceTotal, IReadOnlyList<PortfolioEvidence> Evidence);

/// <summary>A public profile. Sections the owner hid come back empty (<c>heatmap</c> null), as <paramref name="Sections"/> says.</summary>
public sealed record PortfolioView(
    PortfolioProfile Profile,
    int Level,
    int Xp,
    int StreakCurrent,
    int StreakBest,
    bool IsOwner,
    PortfolioSections Sections,
    IReadOnlyList<PortfolioBadge> Badges,
    Heatmap? Heatmap,
    IReadOnlyList<PortfolioSkill> VerifiedSkills,
    IReadOnlyList<ProfileProject> Projects);

public static class PortfolioApi
{
    public const int EvidencePerSkill = 10;

    public static RouteGroupBuilder MapPortfolioApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/portfolio").WithTags("Portfolio");
        api.MapGet("/{username}", GetPortfolio).WithName("GetPortfolio").AllowAnonymous();
        return api;
    }

    /// <summary>
    /// Anyone may read a public profile; a link-only one needs <c>?share=</c> with the current token; a private one
    /// only its owner. Otherwise 404 with the same body as an unknown username, so existence does not leak.
    /// </summary>
    internal static async Task<Results<Ok<PortfolioView>, NotFound>> GetPortfolio(
        string username, string? share, ClaimsPrincipal principal, HttpContext http,
        IUserDirectory directory, IVerifiedSkills skills, IUserBadges badges, ActivityHeatmap heatmap, IProfileProjects projects,
        CancellationToken ct)
    {
        var viewer = principal.CurrentUserId();
        var owner = await directory.FindByUsernameAsync(username, ct);
        if (owner is null || !await directory.CanViewAsync(owner, viewer, share, ct))
        {
            return TypedResults.NotFound();
        }

        // A profile can turn private at any moment: nothing in between may keep a copy. Link-only pages stay out of search engines.
        http.Response.Headers.CacheControl = "no-store";
        if (owner.Visibility != ProfileVisibility.Public)
        {
            http.Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        }

        var shown = owner.Sections;
        var view = new PortfolioView(
            new PortfolioProfile(owner.Username, owner.FullName, owner.Bio, owner.AvatarUrl, owner.Location, owner.WebsiteUrl, owner.GithubUrl, owner.LinkedinUrl, owner.CreatedAt),
            owner.Level, owner.Xp, owner.StreakCurrent, owner.StreakBest, viewer == owner.Id,
            new PortfolioSections(shown.Badges, shown.Heatmap, shown.Skills, shown.Projects),
            shown.Badges ? (await badges.EarnedAsync(owner.Id, ct)).Select(b => new PortfolioBadge(b.Id, b.Name, b.Description, b.IconUrl, b.Rarity, b.Category, b.EarnedAt)).ToList() : [],
            shown.Heatmap ? await heatmap.LastYearAsync(owner.Id, ct) : null,
            shown.Skills ? (await skills.OfUserAsync(owner.Id, ct)).Select(ToView).ToList() : [],
            shown.Projects ? await projects.ShownOnProfileAsync(owner.Id, ct) : []);
        return TypedResults.Ok(view);
    }

    static PortfolioSkill ToView(VerifiedSkill skill) => new(
        EnumLabels.ToLabel(skill.Kind), skill.Name, skill.ChallengesPassed, EnumLabels.ToLabel(skill.HighestLevel),
        skill.ByLevel.ToDictionary(l => EnumLabels.ToLabel(l.Key), l => l.Value),
        skill.FirstEvidenceAt, skill.LastEvidenceAt, skill.Evidence.Count,
        skill.Evidence.Take(EvidencePerSkill).Select(e => new PortfolioEvidence(
            e.SubmissionId, e.ChallengeId, e.ChallengeSlug, $"/challenges/{e.ChallengeSlug}", e.Language,
            EnumLabels.ToLabel(e.Stack), EnumLabels.ToLabel(e.Level), e.PassedAt)).ToList());
}
