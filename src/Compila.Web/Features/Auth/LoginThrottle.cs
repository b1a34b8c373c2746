using Compila.Web.Infrastructure.RateLimiting;
using Microsoft.Extensions.Options;

namespace Compila.Web.Features.Auth;

/// <summary>
/// Locks a login (username or email, existing or not, so that the lock reveals nothing) after repeated failures.
/// </summary>
internal sealed class LoginThrottle(ICounterStore counters, IOptions<AuthOptions> options)
{
    readonly AuthOptions auth = options.Value;

    public async Task<TimeSpan?> LockedForAsync(string login, CancellationToken ct)
    {
        var failures = await counters.PeekAsync(Key(login), ct);
        return failures.Count >= auth.MaxFailedLogins ? failures.ResetsIn : null;
    }

    public Task RecordFailureAsync(string login, CancellationToken ct) =>
        counters.IncrementAsync(Key(login), TimeSpan.FromMinutes(auth.LockoutMinutes), ct);

    public Task ResetAsync(string login, CancellationToken ct) => counters.ResetAsync(Key(login), ct);

    static string Key(string login) => "login-failures:" + login;
}
