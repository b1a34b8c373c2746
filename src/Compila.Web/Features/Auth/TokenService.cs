using System.Security.Claims;
using System.Security.Cryptography;
using Compila.Web.Features.Users;
using Compila.Web.Infrastructure.Data;
using Compila.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Compila.Web.Features.Auth;

internal sealed class TokenService(CompilaDb db, SigningKeys keys, IOptions<AuthOptions> options, TimeProvider clock)
{
    readonly AuthOptions auth = options.Value;

    public async Task<AuthResponse> IssueAsync(User user, Guid? familyId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var (refreshToken, row) = NewRefreshToken(user.Id, familyId ?? Guid.CreateVersion7(), now);
        db.RefreshTokens.Add(row);
        await db.SaveChangesAsync(ct);
        return new AuthResponse(CreateAccessToken(user, now), refreshToken, auth.AccessTokenMinutes * 60, "Bearer", UserProfile.From(user));
    }

    public string CreateAccessToken(User user, DateTimeOffset now)
    {
        var claims = new List<Claim>
        {
            new(JwtRegisteredClaimNames.Sub, user.Id.ToString()),
            new(JwtRegisteredClaimNames.Name, user.Username),
            new(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
        };
        claims.AddRange(user.Roles.Select(r => new Claim("role", r.Role)));
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = auth.Issuer,
            Audience = auth.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = now.AddMinutes(auth.AccessTokenMinutes).UtcDateTime,
            SigningCredentials = keys.Credentials,
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>Spends a refresh token. Presenting one already spent revokes its family: someone holds a stolen copy.</summary>
    public async Task<RefreshOutcome> RefreshAsync(string presented, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var hash = Hash(presented);
        var token = await db.RefreshTokens.AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash, ct);
        if (token is null || token.RevokedAt is not null || token.ExpiresAt <= now)
        {
            return RefreshOutcome.Invalid;
        }

        var spent = await db.RefreshTokens
            .Where(t => t.Id == token.Id && t.UsedAt == null && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), ct);
        if (spent == 0)
        {
            await RevokeFamilyAsync(token.FamilyId, "reuse_detected", ct);
            return RefreshOutcome.Reused;
        }

        var user = await db.Users.Include(u => u.Roles).SingleOrDefaultAsync(u => u.Id == token.UserId, ct);
        if (user is null)
        {
            return RefreshOutcome.Invalid;
        }

        return new RefreshOutcome(await IssueAsync(user, token.FamilyId, ct));
    }

    public async Task RevokeAsync(string presented, CancellationToken ct)
    {
        var hash = Hash(presented);
        var familyId = await db.RefreshTokens.Where(t => t.TokenHash == hash).Select(t => (Guid?)t.FamilyId).SingleOrDefaultAsync(ct);
        if (familyId is { } family)
        {
            await RevokeFamilyAsync(family, "logout", ct);
        }
    }

    Task<int> RevokeFamilyAsync(Guid familyId, string reason, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return db.RefreshTokens
            .Where(t => t.FamilyId == familyId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now).SetProperty(t => t.RevokedReason, reason), ct);
    }

    (string Token, RefreshToken Row) NewRefreshToken(Guid userId, Guid familyId, DateTimeOffset now)
    {
        var token = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        return (token, new RefreshToken
        {
            UserId = userId,
            FamilyId = familyId,
            TokenHash = Hash(token),
            CreatedAt = now,
            ExpiresAt = now.AddDays(auth.RefreshTokenDays),
        });
    }

    static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));
}

internal sealed record RefreshOutcome(AuthResponse? Response, bool ReuseDetected = false)
{
    public static readonly RefreshOutcome Invalid = new(Response: null);
    public static readonly RefreshOutcome Reused = new(Response: null, ReuseDetected: true);
}
