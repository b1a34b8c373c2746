namespace Compila.Web.Infrastructure.Spa;

/// <summary>
/// Serves the built React app (web/ → wwwroot) with client-side-route fallback. API, docs, health and
/// well-known routes are never answered with the SPA's index.html.
/// </summary>
public static class SpaHosting
{
    static readonly string[] ServerPrefixes = ["/v1", "/docs", "/openapi", "/health", "/.well-known", "/metrics"];

    public static void UseCompilaSpa(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context =>
            {
                // Vite fingerprints assets, so they never change under the same name; index.html must always revalidate.
                context.Context.Response.Headers.CacheControl = context.Context.Request.Path.StartsWithSegments("/assets")
                    ? "public, max-age=31536000, immutable"
                    : "no-cache";
            },
        });
    }

    /// <summary>The built SPA's index.html (it may be missing when the SPA is not built); features that render it use this.</summary>
    public static string IndexPath(IWebHostEnvironment environment) =>
        Path.Combine(environment.WebRootPath ?? Path.Combine(AppContext.BaseDirectory, "wwwroot"), "index.html");

    public static void MapCompilaSpaFallback(this WebApplication app)
    {
        var index = IndexPath(app.Environment);
        app.MapFallback(async context =>
        {
            var path = context.Request.Path;
            if (ServerPrefixes.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))
                || !HttpMethods.IsGet(context.Request.Method) || Path.HasExtension(path.Value) || !File.Exists(index))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.Headers.CacheControl = "no-cache";
            await context.Response.SendFileAsync(index);
        })
        // GET and HEAD only: otherwise a POST that no endpoint accepts (wrong content type → 415) would land here.
        .WithMetadata(new HttpMethodMetadata(["GET", "HEAD"]))
        .AllowAnonymous().ExcludeFromDescription();
    }
}
