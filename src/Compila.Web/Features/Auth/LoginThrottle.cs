using Compila.Web.Infrastructure.RateLimiting;
using Microsoft.Extensions.Options;

namespace Compila.Web.Features.Auth;

/// <summary>
/// Locks sign-in after repeated failures: an existing account by its id, so that its username and its email share
/// one budget, and a login that names no account by the string itself (it locks the same way, revealing nothing).
/// </summary>
internal sealed class LoginThrottle(ICounterStore counters, IOptions<AuthOptions> options)
{
    readonly AuthOptions auth = options.Value;

    public static string ForAccount(Guid userId) => "login-failures:account:" + userId.ToString("N");

    public static string ForLogin(string normalizedLogin) => "login-failures:login:" + normalizedLogin;

    public async Task<TimeSpan?> LockedForAsync(string key, CancellationToken ct)
    {
        var failures = await counters.PeekAsync(key, ct);
        return failures.Count >= auth.MaxFailedLogins ? failures.ResetsIn : null;
    }

    public Task RecordFailureAsync(string key, CancellationToken ct) =>
        counters.IncrementAsync(key, TimeSpan.FromMinutes(auth.LockoutMinutes), ct);

    public Task ResetAsync(string key, CancellationToken ct) => counters.ResetAsync(key, ct);
}
