using Microsoft.AspNetCore.Http.HttpResults;

namespace Compila.Web.Infrastructure.Storage;

public static class FilesApi
{
    /// <summary>
    /// Serves stored files to anyone holding the key. Keys carry a random id and are shown only where their owner
    /// chose to show them (a project's images), like an unlisted link.
    /// </summary>
    public static void MapCompilaFiles(this IEndpointRouteBuilder app) =>
        app.MapGroup("/v1/files").WithTags("Files").AllowAnonymous()
            .MapGet("/{**key}", Get).WithName("GetFile");

    internal static async Task<Results<FileStreamHttpResult, NotFound>> Get(string key, IFileStorage storage, HttpContext http, CancellationToken ct)
    {
        if (!FileKeys.IsValid(key) || await storage.GetAsync(key, ct) is not { } file)
        {
            return TypedResults.NotFound();
        }

        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        // A key never gets other content, so the file can be cached for good; the sandbox CSP keeps a file that is
        // opened directly from running anything even if a browser ignores its type.
        headers.CacheControl = "public, max-age=31536000, immutable";
        headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        // A file from the data folder is seekable and gets its length from the result; an S3 body is a stream, so
        // the length is set here for both and the answer is the same whichever backend holds the file.
        http.Response.ContentLength = file.Length;
        return TypedResults.Stream(file.Content, file.ContentType);
    }
}
