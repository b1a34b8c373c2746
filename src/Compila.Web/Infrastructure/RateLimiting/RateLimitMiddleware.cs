using System.Globalization;
using System.Security.Claims;
using Compila.Web.Infrastructure.Telemetry;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.Options;

namespace Compila.Web.Infrastructure.RateLimiting;

/// <summary>
/// The spec's rate limits: a fixed one-minute window per caller (user id, else client IP) per endpoint
/// (method + route pattern), with the budget chosen by the endpoint's <see cref="RateLimitClass"/>.
/// </summary>
internal sealed class RateLimitMiddleware(RequestDelegate next, ICounterStore counters, IOptionsMonitor<RateLimitOptions> options, PlatformMetrics metrics, ILogger<RateLimitMiddleware> logger)
{
    static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public async Task InvokeAsync(HttpContext context)
    {
        var settings = options.CurrentValue;
        if (!settings.Enabled || context.GetEndpoint() is not RouteEndpoint endpoint || !IsApi(endpoint.RoutePattern))
        {
            await next(context);
            return;
        }

        var limitClass = endpoint.Metadata.GetMetadata<RateLimitClassMetadata>()?.Class ?? RateLimitClass.Standard;
        var limit = settings.LimitFor(limitClass);
        var key = $"rl:{Caller(context)}:{context.Request.Method} {endpoint.RoutePattern.RawText}";

        WindowCount window;
        try
        {
            window = await counters.IncrementAsync(key, Window, context.RequestAborted);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A broken counter store must not take the API down; /health/ready reports the store itself.
            logger.LogWarning(ex, "Rate limit store unavailable; letting the request through.");
            await next(context);
            return;
        }

        var remaining = Math.Max(0, limit - window.Count);
        context.Response.Headers["X-RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["X-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
        if (window.Count <= limit)
        {
            await next(context);
            return;
        }

        metrics.RateLimited(limitClass.ToString().ToLowerInvariant());
        var retryAfter = Math.Max(1, (int)Math.Ceiling(window.ResetsIn.TotalSeconds));
        context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        await Results.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Muitas requisições.",
                detail: $"Você atingiu o limite de {limit} requisições por minuto. Tente de novo em {retryAfter} s.")
            .ExecuteAsync(context);
    }

    static bool IsApi(RoutePattern pattern) => pattern.RawText?.TrimStart('/').StartsWith("v1/", StringComparison.Ordinal) == true;

    static string Caller(HttpContext context)
    {
        var userId = context.User.FindFirstValue("sub");
        return userId is not null ? "u:" + userId : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
    }
}
