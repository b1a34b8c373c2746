using System.Security.Cryptography;
using System.Text;
using Compila.Web.Features.Users.Contracts;
using Compila.Web.Infrastructure.Data;
using Compila.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace Compila.Web.Features.Users;

internal sealed class UserDirectory(CompilaDb db) : IUserDirectory
{
    public Task<ProfileOwner?> FindByUsernameAsync(string username, CancellationToken ct)
    {
        var normalized = Usernames.Normalize(username);
        return Owners(db.Users.Where(u => u.Username == normalized)).SingleOrDefaultAsync(ct);
    }

    public Task<ProfileOwner?> FindByIdAsync(Guid userId, CancellationToken ct) =>
        Owners(db.Users.Where(u => u.Id == userId)).SingleOrDefaultAsync(ct);

    public async Task<bool> CanViewAsync(ProfileOwner owner, Guid? viewerId, string? shareToken, CancellationToken ct = default)
    {
        if (viewerId == owner.Id || owner.Visibility == ProfileVisibility.Public)
        {
            return true;
        }

        if (owner.Visibility != ProfileVisibility.Link || string.IsNullOrWhiteSpace(shareToken) || shareToken.Length > ShareTokens.MaxLength)
        {
            return false;
        }

        // Read now rather than carried on ProfileOwner: the hash never leaves this feature.
        var stored = await db.Users.AsNoTracking().Where(u => u.Id == owner.Id)
            .Select(u => new { u.ProfileVisibility, u.ProfileShareTokenHash }).SingleOrDefaultAsync(ct);
        return stored is { ProfileVisibility: ProfileVisibility.Link, ProfileShareTokenHash: { } hash }
            && ShareTokens.Matches(shareToken, hash);
    }

    public Task<string?> ContactEmailAsync(Guid userId, CancellationToken ct) =>
        db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => (string?)u.Email).SingleOrDefaultAsync(ct);

    public IQueryable<Guid> PublicUserIds() =>
        db.Users.Where(u => u.ProfileVisibility == ProfileVisibility.Public).Select(u => u.Id);

    // Filter before projecting: a constructor projection cannot be filtered in SQL.
    static IQueryable<ProfileOwner> Owners(IQueryable<User> users) => users.AsNoTracking().Select(u => new ProfileOwner(
        u.Id, u.Username, u.FullName, u.Bio, u.AvatarUrl, u.Location, u.WebsiteUrl, u.GithubUrl, u.LinkedinUrl,
        u.Level, u.Xp, u.StreakCurrent, u.StreakBest, u.CreatedAt, u.ProfileVisibility, u.ProfileSections));
}

/// <summary>Share-link tokens: 256 random bits, base64url; only their SHA-256 is stored.</summary>
internal static class ShareTokens
{
    public const int MaxLength = 100;

    public static string Create() => Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token.Trim())));

    public static bool Matches(string token, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(token)), Encoding.ASCII.GetBytes(storedHash));

    static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
