using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace Compila.Web.Infrastructure.Caching;

/// <summary>The <c>Compila:Cache</c> section.</summary>
public sealed class CacheOptions
{
    public const string Section = "Compila:Cache";

    /// <summary>
    /// How long an instance serves a public read from memory. Other instances' changes (an import, new statistics)
    /// show within this bound; this instance's own imports evict at once.
    /// </summary>
    [Range(0, 300)]
    public double PublicReadSeconds { get; set; } = 1;
}

/// <summary>
/// Output caching for reads that are the same for everyone (the challenge catalog): per path and query string, for
/// signed-in and anonymous callers alike, 200s only. Only endpoints whose response never depends on who asks may use
/// it; personalised reads are never cached.
/// </summary>
public static class PublicReadCache
{
    public const string Policy = "public-read";

    /// <summary>The tag every public read is stored under: an import on this instance evicts them all.</summary>
    public const string Tag = "public-read";

    public static void AddCompilaPublicReadCache(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CacheOptions>().Bind(builder.Configuration.GetSection(CacheOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOutputCache();
        builder.Services.AddOptions<OutputCacheOptions>().Configure<IOptions<CacheOptions>>((output, cache) =>
            output.AddPolicy(Policy, new PublicReadPolicy(TimeSpan.FromSeconds(cache.Value.PublicReadSeconds))));
    }

    public static TBuilder CachePublicRead<TBuilder>(this TBuilder endpoint) where TBuilder : IEndpointConventionBuilder =>
        endpoint.CacheOutput(Policy);

    /// <summary>Drops this instance's cached public reads (others expire within <see cref="CacheOptions.PublicReadSeconds"/>).</summary>
    public static async Task EvictPublicReadsAsync(this IOutputCacheStore store, CancellationToken ct) => await store.EvictByTagAsync(Tag, ct);

    sealed class PublicReadPolicy(TimeSpan duration) : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken ct)
        {
            var request = context.HttpContext.Request;
            var cacheable = duration > TimeSpan.Zero && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method));
            context.EnableOutputCaching = true;
            context.AllowCacheLookup = cacheable;
            context.AllowCacheStorage = cacheable;
            // One request fills an expired entry while the others wait for it, rather than all going to the database.
            context.AllowLocking = true;
            context.ResponseExpirationTimeSpan = duration;
            context.CacheVaryByRules.QueryKeys = "*";
            context.Tags.Add(Tag);
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken ct) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken ct)
        {
            var response = context.HttpContext.Response;
            if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
            {
                context.AllowCacheStorage = false;
            }

            return ValueTask.CompletedTask;
        }
    }
}
