using System.Globalization;
using Compila.Web.Features.Users;
using Compila.Web.Infrastructure.Errors;
using Compila.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Compila.Web.Features.Auth;

public static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/auth").WithTags("Auth").AllowAnonymous();
        api.MapPost("/register", Register).WithName("Register").WithSummary("Cria uma conta e inicia a sessão.");
        api.MapPost("/login", Login).WithName("Login").WithSummary("Entra com nome de usuário ou e-mail.");
        api.MapPost("/refresh", Refresh).WithName("RefreshToken").WithSummary("Troca um refresh token por um novo par.");
        api.MapPost("/logout", Logout).WithName("Logout").WithSummary("Revoga o refresh token e toda a sua família.");
        app.MapGet("/.well-known/jwks.json", Jwks).WithTags("Auth").WithName("Jwks").AllowAnonymous().ExcludeFromDescription();
        return api;
    }

    internal static async Task<Results<Created<AuthResponse>, ValidationProblem, ProblemHttpResult>> Register(
        RegisterRequest request, Infrastructure.Data.CompilaDb db, TokenService tokens, IPasswordHasher<User> hasher, TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        AccountRules.ValidateUsername(request.Username, errors);
        AccountRules.ValidateEmail(request.Email, errors);
        AccountRules.ValidatePassword(request.Password, request.Username, request.Email, errors);
        ProfileRules.ValidateText("fullName", request.FullName, ProfileRules.FullNameMax, errors);
        if (request.AccountType is not (null or "learner" or "company"))
        {
            errors.Add("accountType", "Escolha learner (aprendiz) ou company (empresa).");
        }

        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var username = Usernames.Normalize(request.Username!);
        var email = Usernames.NormalizeEmail(request.Email!);
        if (await db.Users.AnyAsync(u => u.Username == username, ct))
        {
            return Conflict("username", "Este nome de usuário já está em uso.");
        }

        if (await db.Users.AnyAsync(u => u.Email == email, ct))
        {
            return Conflict("email", "Já existe uma conta com este e-mail.");
        }

        var now = clock.GetUtcNow();
        var user = new User
        {
            Username = username,
            Email = email,
            FullName = string.IsNullOrWhiteSpace(request.FullName) ? null : request.FullName.Trim(),
            Roles = request.AccountType == "company"
                ? [new UserRole { Role = Roles.User, GrantedAt = now }, new UserRole { Role = Roles.Company, GrantedAt = now }]
                : [new UserRole { Role = Roles.User, GrantedAt = now }],
            CreatedAt = now,
            UpdatedAt = now,
            LastActiveAt = now,
        };
        user.PasswordHash = hasher.HashPassword(user, request.Password!);
        db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Lost a race with a concurrent registration of the same name or email: the unique index decided.
            db.ChangeTracker.Clear();
            if (await db.Users.AnyAsync(u => u.Username == username || u.Email == email, ct))
            {
                return Conflict("username", "Este nome de usuário ou e-mail já está em uso.");
            }

            throw;
        }

        var response = await tokens.IssueAsync(user, familyId: null, ct);
        return TypedResults.Created("/v1/me", response);
    }

    internal static async Task<Results<Ok<AuthResponse>, ValidationProblem, ProblemHttpResult>> Login(
        LoginRequest request, Infrastructure.Data.CompilaDb db, TokenService tokens, IPasswordHasher<User> hasher,
        LoginThrottle throttle, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(request.Login) || request.Login.Length > 255)
        {
            errors.Add("login", "Informe seu nome de usuário ou e-mail.");
        }

        if (string.IsNullOrEmpty(request.Password) || request.Password.Length > AccountRules.MaxPasswordLength)
        {
            errors.Add("password", "Informe sua senha.");
        }

        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var login = Usernames.Normalize(request.Login!);
        var user = await db.Users.Include(u => u.Roles)
            .SingleOrDefaultAsync(u => u.Username == login || u.Email == login, ct);
        // An account is locked whatever login string names it (username or email); an unknown login locks by itself.
        var throttleKey = user is null ? LoginThrottle.ForLogin(login) : LoginThrottle.ForAccount(user.Id);
        if (await throttle.LockedForAsync(throttleKey, ct) is { } lockedFor)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(lockedFor.TotalSeconds));
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Muitas tentativas de login.",
                detail: $"Por segurança, aguarde {Math.Ceiling(lockedFor.TotalMinutes)} min antes de tentar de novo.");
        }

        var verified = user?.PasswordHash is { } hash
            ? hasher.VerifyHashedPassword(user, hash, request.Password!)
            : VerifyAgainstDecoy(hasher, request.Password!);
        if (user is null || verified == PasswordVerificationResult.Failed)
        {
            await throttle.RecordFailureAsync(throttleKey, ct);
            return TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Não foi possível entrar.",
                detail: "Usuário, e-mail ou senha incorretos.");
        }

        await throttle.ResetAsync(throttleKey, ct);
        if (verified == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = hasher.HashPassword(user, request.Password!);
        }

        user.LastActiveAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await tokens.IssueAsync(user, familyId: null, ct));
    }

    internal static async Task<Results<Ok<AuthResponse>, ValidationProblem, ProblemHttpResult>> Refresh(
        RefreshRequest request, TokenService tokens, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.RefreshToken) || request.RefreshToken.Length > 200)
        {
            return new ValidationErrors().Add("refreshToken", "Informe o refresh token.").ToProblem();
        }

        var outcome = await tokens.RefreshAsync(request.RefreshToken, ct);
        if (outcome.Response is { } response)
        {
            return TypedResults.Ok(response);
        }

        return TypedResults.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Sessão inválida.",
            detail: outcome.ReuseDetected
                ? "Este token já foi usado. Por segurança, todas as sessões derivadas dele foram encerradas; entre novamente."
                : "O refresh token é inválido ou expirou; entre novamente.");
    }

    internal static async Task<Results<NoContent, ValidationProblem>> Logout(RefreshRequest request, TokenService tokens, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.RefreshToken) || request.RefreshToken.Length > 200)
        {
            return new ValidationErrors().Add("refreshToken", "Informe o refresh token.").ToProblem();
        }

        await tokens.RevokeAsync(request.RefreshToken, ct);
        return TypedResults.NoContent();
    }

    internal static IResult Jwks(SigningKeys keys)
    {
        var jwk = keys.PublicJwk;
        var document = new { keys = new[] { new { kty = jwk.Kty, crv = jwk.Crv, x = jwk.X, y = jwk.Y, kid = jwk.Kid, use = jwk.Use, alg = jwk.Alg } } };
        return Results.Json(document, contentType: "application/jwk-set+json");
    }

    static ProblemHttpResult Conflict(string field, string message) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "Conflito.",
            detail: message,
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [message] } });

    // Unknown accounts cost the same hashing time as known ones, so timing does not reveal which logins exist.
    static PasswordVerificationResult VerifyAgainstDecoy(IPasswordHasher<User> hasher, string password)
    {
        var decoy = new User { Username = "decoy", Email = "decoy@compila.dev" };
        hasher.VerifyHashedPassword(decoy, DecoyHash.Value, password);
        return PasswordVerificationResult.Failed;
    }

    static readonly Lazy<string> DecoyHash = new(() =>
        new PasswordHasher<User>().HashPassword(new User { Username = "decoy", Email = "decoy@compila.dev" }, Guid.NewGuid().ToString()));
}
