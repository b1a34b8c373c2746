using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Compila.Web.Features.Auth;
using Compila.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Compila.Web.Tests.Features.Auth;

public sealed class TokenTests(CompilaApp app) : IClassFixture<CompilaApp>
{
    [Fact]
    public async Task Refresh_ReturnsANewPair_AndTheOldTokenIsSpent()
    {
        var client = app.CreateClient();
        var user = await client.RegisterAsync();

        var first = await client.PostAsJsonAsync("/v1/auth/refresh", new { refreshToken = user.RefreshToken });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var rotated = (await first.ReadJsonAsync())["refreshToken"]!.GetValue<string>();
        Assert.NotEqual(user.RefreshToken, rotated);

        var second = await client.PostAsJsonAsync("/v1/auth/refresh", new { refreshToken = rotated });
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    [Fact]
    public async Task Refresh_ReusingASpentToken_RevokesTheWholeFamily()
    {
        var client = app.CreateClient();
        var user = await client.RegisterAsync();
        var legitimate = await client.PostAsJsonAsync("/v1/auth/refresh", new { refreshToken = user.RefreshToken });
        var rotated = (await legitimate.ReadJsonAsync())["refreshToken"]!.GetValue<string>();

        var replay = await client.PostAsJsonAsync("/v1/auth/refresh", new { refreshToken = user.RefreshToken });
        var problem = await replay.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("já foi usado", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        var afterTheft = await client.PostAsJsonAsync("/v1/auth/refresh", new { refreshToken = rotated });
        await afterTheft.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Refresh_ConcurrentUseOfOneToken_SucceedsAtMostOnce()
    {
        var client = app.CreateClient();
        var user = await client.RegisterAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 4)
            .Select(_ => client.PostAsJsonAsync("/v1/auth/refresh", new { refreshToken = user.RefreshToken })));

        Assert.True(responses.Count(r => r.StatusCode == HttpStatusCode.OK) <= 1);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
    }

    [Fact]
    public async Task Logout_RevokesTheRefreshToken()
    {
        var client = app.CreateClient();
        var user = await client.RegisterAsync();

        var logout = await client.PostAsJsonAsync("/v1/auth/logout", new { refreshToken = user.RefreshToken });
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);

        var refresh = await client.PostAsJsonAsync("/v1/auth/refresh", new { refreshToken = user.RefreshToken });
        await refresh.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Refresh_WithAnUnknownToken_Returns401()
    {
        var response = await app.CreateClient().PostAsJsonAsync("/v1/auth/refresh", new { refreshToken = "inventado-" + Guid.NewGuid() });

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AccessToken_ValidatesAgainstThePublishedJwks()
    {
        var client = app.CreateClient();
        var user = await client.RegisterAsync();

        var jwksResponse = await client.GetAsync("/.well-known/jwks.json");
        Assert.Equal(HttpStatusCode.OK, jwksResponse.StatusCode);
        var jwksText = await jwksResponse.Content.ReadAsStringAsync();
        Assert.DoesNotContain("\"d\"", jwksText, StringComparison.Ordinal);
        var keys = new JsonWebKeySet(jwksText).GetSigningKeys();

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(user.AccessToken, new TokenValidationParameters
        {
            ValidIssuer = "https://compila.dev",
            ValidAudience = "compila-api",
            IssuerSigningKeys = keys,
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
        });

        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal(user.Id.ToString(), result.Claims["sub"]);
        var token = new JsonWebToken(user.AccessToken);
        Assert.Equal("ES256", token.Alg);
        Assert.InRange((token.ValidTo - token.IssuedAt).TotalMinutes, 14.9, 15.1);
    }

    [Fact]
    public async Task Me_WithAValidToken_Returns200()
    {
        var client = app.CreateClient();
        var user = await client.RegisterAsync();

        var me = await client.Authorized(user.AccessToken).GetAsync("/v1/me");

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Fact]
    public async Task Me_WithAnExpiredToken_Returns401()
    {
        var user = await app.CreateClient().RegisterAsync();
        var keys = app.Services.GetRequiredService<SigningKeys>();
        var expired = Sign(user.Id, keys.Credentials, issuedAt: DateTime.UtcNow.AddHours(-2), expires: DateTime.UtcNow.AddHours(-1));

        var response = await app.CreateClient().Authorized(expired).GetAsync("/v1/me");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Me_WithATamperedToken_Returns401()
    {
        var victim = await app.CreateClient().RegisterAsync();
        var attacker = await app.CreateClient().RegisterAsync();
        var parts = attacker.AccessToken.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1]))
            .Replace(attacker.Id.ToString(), victim.Id.ToString(), StringComparison.Ordinal);
        var tampered = $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";

        var response = await app.CreateClient().Authorized(tampered).GetAsync("/v1/me");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Me_WithATokenSignedByAnotherKey_Returns401()
    {
        var user = await app.CreateClient().RegisterAsync();
        using var foreignKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var foreign = new SigningCredentials(new ECDsaSecurityKey(foreignKey) { KeyId = app.Services.GetRequiredService<SigningKeys>().SigningKey.KeyId }, SecurityAlgorithms.EcdsaSha256);
        var forged = Sign(user.Id, foreign, DateTime.UtcNow, DateTime.UtcNow.AddMinutes(10));

        var response = await app.CreateClient().Authorized(forged).GetAsync("/v1/me");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Me_WithAnUnsignedAlgNoneToken_Returns401()
    {
        var user = await app.CreateClient().RegisterAsync();
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        var exp = DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds();
        var payload = Base64UrlEncoder.Encode($$"""{"sub":"{{user.Id}}","iss":"https://compila.dev","aud":"compila-api","exp":{{exp}},"role":"admin"}""");

        var response = await app.CreateClient().Authorized($"{header}.{payload}.").GetAsync("/v1/me");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Me_WithASymmetricHmacTokenUsingThePublicKey_Returns401()
    {
        var user = await app.CreateClient().RegisterAsync();
        var publicJwk = app.Services.GetRequiredService<SigningKeys>().PublicJwk;
        var hmacKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(publicJwk.X + publicJwk.Y));
        var forged = Sign(user.Id, new SigningCredentials(hmacKey, SecurityAlgorithms.HmacSha256), DateTime.UtcNow, DateTime.UtcNow.AddMinutes(10));

        var response = await app.CreateClient().Authorized(forged).GetAsync("/v1/me");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    static string Sign(Guid userId, SigningCredentials credentials, DateTime issuedAt, DateTime expires) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://compila.dev",
            Audience = "compila-api",
            Subject = new ClaimsIdentity([new Claim("sub", userId.ToString())]),
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = expires,
            SigningCredentials = credentials,
        });
}
