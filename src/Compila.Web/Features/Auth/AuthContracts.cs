using Compila.Web.Features.Users;

namespace Compila.Web.Features.Auth;

public sealed record RegisterRequest(string? Username, string? Email, string? Password, string? FullName);

public sealed record LoginRequest(string? Login, string? Password);

public sealed record RefreshRequest(string? RefreshToken);

public sealed record AuthResponse(string AccessToken, string RefreshToken, int ExpiresIn, string TokenType, UserProfile User);
