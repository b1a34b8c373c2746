using System.Security.Claims;
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

public static class MeApi
{
    public static void MapUsersApi(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/v1/me").WithTags("Me").RequireAuthorization();
        me.MapGet("/", GetMe).WithName("GetMe");
        me.MapPatch("/", UpdateMe).WithName("UpdateMe");

        app.MapGroup("/v1/users").WithTags("Users").AllowAnonymous()
            .MapGet("/{username}", GetPublicProfile).WithName("GetPublicProfile");
    }

    internal static async Task<Results<Ok<UserProfile>, NotFound>> GetMe(ClaimsPrincipal principal, CompilaDb db, CancellationToken ct)
    {
        var user = await FindCurrentAsync(principal, db, ct);
        return user is null ? TypedResults.NotFound() : TypedResults.Ok(UserProfile.From(user));
    }

    internal static async Task<Results<Ok<UserProfile>, ValidationProblem, NotFound>> UpdateMe(
        UpdateProfileRequest request, ClaimsPrincipal principal, CompilaDb db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        ProfileRules.ValidateText("fullName", request.FullName, ProfileRules.FullNameMax, errors);
        ProfileRules.ValidateText("bio", request.Bio, ProfileRules.BioMax, errors, multiline: true);
        ProfileRules.ValidateText("location", request.Location, ProfileRules.LocationMax, errors);
        ProfileRules.ValidateUrl("avatarUrl", request.AvatarUrl, errors);
        ProfileRules.ValidateUrl("websiteUrl", request.WebsiteUrl, errors);
        ProfileRules.ValidateUrl("githubUrl", request.GithubUrl, errors);
        ProfileRules.ValidateUrl("linkedinUrl", request.LinkedinUrl, errors);
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
        user.UpdatedAt = DateTimeOffset.UtcNow;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(UserProfile.From(user));
    }

    internal static async Task<Results<Ok<PublicProfile>, NotFound>> GetPublicProfile(string username, CompilaDb db, CancellationToken ct)
    {
        var normalized = Usernames.Normalize(username);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Username == normalized, ct);
        return user is null ? TypedResults.NotFound() : TypedResults.Ok(PublicProfile.From(user));
    }

    static async Task<User?> FindCurrentAsync(ClaimsPrincipal principal, CompilaDb db, CancellationToken ct) =>
        principal.CurrentUserId() is { } id
            ? await db.Users.Include(u => u.Roles).SingleOrDefaultAsync(u => u.Id == id, ct)
            : null;

    static string? Apply(string? requested, string? current) =>
        requested is null ? current : requested.Trim() is { Length: > 0 } trimmed ? trimmed : null;
}
