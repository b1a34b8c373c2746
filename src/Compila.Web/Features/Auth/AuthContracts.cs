using Compila.Web.Features.Users;

namespace Compila.Web.Features.Auth;

/// <param name="AccountType"><c>learner</c> (the default) or <c>company</c>: a company account posts jobs and sees applicants.</param>
public sealed record RegisterRequest(string? Username, string? Email, string? Password, string? FullName, string? AccountType = null);

public sealed record LoginRequest(string? Login, string? Password);

public sealed record RefreshRequest(string? RefreshToken);

public sealed record AuthResponse(string AccessToken, string RefreshToken, int ExpiresIn, string TokenType, UserProfile User);
