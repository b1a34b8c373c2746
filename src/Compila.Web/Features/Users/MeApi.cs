using System.Security.Claims;
using Compila.Web.Features.Users.Contracts;
using Compila.Web.Infrastructure.Data;
using Compila.Web.Infrastructure.Errors;
using Compila.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Compila.Web.Features.Users;

/// <summary>PATCH semantics: absent (null) members stay as they are; an empty string clears a field.</summary>
public sealed record UpdateProfileRequest(
    string? FullName,
    string? Bio,
    string? AvatarUrl,
    string? Location,
    string? WebsiteUrl,
    string? GithubUrl,
    string? LinkedinUrl);

/// <summary>
/// PUT semantics: the whole editable profile. A missing or empty text field is cleared; <c>visibility</c> is required
/// (<c>public</c>, <c>private</c> or <c>link</c>); missing <c>sections</c> (or a missing section) are shown.
/// </summary>
public sealed record ReplaceProfileRequest(
    string? FullName,
    string? Bio,
    string? AvatarUrl,
    string? Location,
    string? WebsiteUrl,
    string? GithubUrl,
    string? LinkedinUrl,
    string? Visibility,
    ProfileSections? Sections);

public static class MeApi
{
    public static void MapUsersApi(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/v1/me").WithTags("Me").RequireAuthorization();
        me.MapGet("/", GetMe).WithName("GetMe");
        me.MapPatch("/", UpdateMe).WithName("UpdateMe");
        me.MapPut("/profile", ReplaceProfile).WithName("ReplaceProfile");
        me.MapPost("/profile/share-link", CreateShareLink).WithName("CreateProfileShareLink");
        me.MapDelete("/profile/share-link", RevokeShareLink).WithName("RevokeProfileShareLink");

        app.MapGroup("/v1/users").WithTags("Users").AllowAnonymous()
            .MapGet("/{username}", GetPublicProfile).WithName("GetPublicProfile");
    }

    internal static async Task<Results<Ok<UserProfile>, NotFound>> GetMe(ClaimsPrincipal principal, CompilaDb db, CancellationToken ct)
    {
        var user = await FindCurrentAsync(principal, db, ct);
        return user is null ? TypedResults.NotFound() : TypedResults.Ok(UserProfile.From(user));
    }

    internal static async Task<Results<Ok<UserProfile>, ValidationProblem, NotFound>> UpdateMe(
        UpdateProfileRequest request, ClaimsPrincipal principal, CompilaDb db, TimeProvider clock, CancellationToken ct)
    {
        var errors = ValidateFields(request.FullName, request.Bio, request.AvatarUrl, request.Location, request.WebsiteUrl, request.GithubUrl, request.LinkedinUrl);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var user = await FindCurrentAsync(principal, db, ct);
        if (user is null)
        {
            return TypedResults.NotFound();
        }

        user.FullName = Apply(request.FullName, user.FullName);
        user.Bio = Apply(request.Bio, user.Bio);
        user.AvatarUrl = Apply(request.AvatarUrl, user.AvatarUrl);
        user.Location = Apply(request.Location, user.Location);
        user.WebsiteUrl = Apply(request.WebsiteUrl, user.WebsiteUrl);
        user.GithubUrl = Apply(request.GithubUrl, user.GithubUrl);
        user.LinkedinUrl = Apply(request.LinkedinUrl, user.LinkedinUrl);
        user.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(UserProfile.From(user));
    }

    internal static async Task<Results<Ok<UserProfile>, ValidationProblem, NotFound>> ReplaceProfile(
        ReplaceProfileRequest request, ClaimsPrincipal principal, CompilaDb db, TimeProvider clock, CancellationToken ct)
    {
        var errors = ValidateFields(request.FullName, request.Bio, request.AvatarUrl, request.Location, request.WebsiteUrl, request.GithubUrl, request.LinkedinUrl);
        ProfileVisibility visibility = default;
        if (string.IsNullOrEmpty(request.Visibility))
        {
            errors.Add("visibility", "Escolha a visibilidade do perfil: public, private ou link.");
        }
        else if (!EnumLabels.TryParse(request.Visibility, out visibility))
        {
            errors.Add("visibility", "A visibilidade deve ser public (todos), private (só você) ou link (quem tiver o link).");
        }

        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var user = await FindCurrentAsync(principal, db, ct);
        if (user is null)
        {
            return TypedResults.NotFound();
        }

        user.FullName = Clean(request.FullName);
        user.Bio = Clean(request.Bio);
        user.AvatarUrl = Clean(request.AvatarUrl);
        user.Location = Clean(request.Location);
        user.WebsiteUrl = Clean(request.WebsiteUrl);
        user.GithubUrl = Clean(request.GithubUrl);
        user.LinkedinUrl = Clean(request.LinkedinUrl);
        user.ProfileVisibility = visibility;
        user.ProfileSections = request.Sections ?? ProfileSections.All;
        user.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(UserProfile.From(user));
    }

    /// <summary>Creates the recruiter link, or replaces it (the old one stops working at once).</summary>
    internal static async Task<Results<Ok<ShareLink>, NotFound>> CreateShareLink(ClaimsPrincipal principal, CompilaDb db, TimeProvider clock, CancellationToken ct)
    {
        var user = await FindCurrentAsync(principal, db, ct);
        if (user is null)
        {
            return TypedResults.NotFound();
        }

        var token = ShareTokens.Create();
        var now = clock.GetUtcNow();
        user.ProfileShareTokenHash = ShareTokens.Hash(token);
        user.ProfileShareTokenCreatedAt = now;
        user.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new ShareLink(token, $"/u/{user.Username}?share={token}", EnumLabels.ToLabel(user.ProfileVisibility), now));
    }

    internal static async Task<Results<NoContent, NotFound>> RevokeShareLink(ClaimsPrincipal principal, CompilaDb db, TimeProvider clock, CancellationToken ct)
    {
        var user = await FindCurrentAsync(principal, db, ct);
        if (user is null)
        {
            return TypedResults.NotFound();
        }

        user.ProfileShareTokenHash = null;
        user.ProfileShareTokenCreatedAt = null;
        user.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>404 alike for unknown and hidden users, so a private profile's existence does not leak.</summary>
    internal static async Task<Results<Ok<PublicProfile>, NotFound>> GetPublicProfile(
        string username, string? share, ClaimsPrincipal principal, IUserDirectory directory, CancellationToken ct)
    {
        var owner = await directory.FindByUsernameAsync(username, ct);
        return owner is not null && await directory.CanViewAsync(owner, principal.CurrentUserId(), share, ct)
            ? TypedResults.Ok(PublicProfile.From(owner))
            : TypedResults.NotFound();
    }

    static ValidationErrors ValidateFields(string? fullName, string? bio, string? avatarUrl, string? location, string? websiteUrl, string? githubUrl, string? linkedinUrl)
    {
        var errors = new ValidationErrors();
        ProfileRules.ValidateText("fullName", fullName, ProfileRules.FullNameMax, errors);
        ProfileRules.ValidateText("bio", bio, ProfileRules.BioMax, errors, multiline: true);
        ProfileRules.ValidateText("location", location, ProfileRules.LocationMax, errors);
        ProfileRules.ValidateUrl("avatarUrl", avatarUrl, errors);
        ProfileRules.ValidateUrl("websiteUrl", websiteUrl, errors);
        ProfileRules.ValidateUrl("githubUrl", githubUrl, errors);
        ProfileRules.ValidateUrl("linkedinUrl", linkedinUrl, errors);
        return errors;
    }

    static async Task<User?> FindCurrentAsync(ClaimsPrincipal principal, CompilaDb db, CancellationToken ct) =>
        principal.CurrentUserId() is { } id
            ? await db.Users.Include(u => u.Roles).SingleOrDefaultAsync(u => u.Id == id, ct)
            : null;

    static string? Clean(string? value) => value?.Trim() is { Length: > 0 } trimmed ? trimmed : null;

    static string? Apply(string? requested, string? current) =>
        requested is null ? current : requested.Trim() is { Length: > 0 } trimmed ? trimmed : null;
}
