namespace Compila.Web.Infrastructure.Storage;

/// <summary>
/// Where uploaded and generated files live (project images, exported PDFs, certificates), addressed by key.
/// Keys are paths of lower-case segments (<c>portfolio/{user}/{file}.png</c>); a key is written once and never
/// rewritten with other content, so responses can be cached for good.
/// </summary>
public interface IFileStorage
{
    Task PutAsync(string key, ReadOnlyMemory<byte> content, string contentType, CancellationToken ct);

    /// <summary>The file, or null when no file has that key.</summary>
    Task<StoredFile?> GetAsync(string key, CancellationToken ct);

    /// <summary>Deletes the file; a missing key is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken ct);
}

/// <summary>A stored file; the caller disposes <see cref="Content"/>.</summary>
public sealed record StoredFile(Stream Content, string ContentType, long Length);

/// <summary>Key rules shared by every backend and by the files endpoint.</summary>
public static class FileKeys
{
    public const int MaxLength = 300;

    /// <summary>
    /// True for keys made of 1 to 8 segments of <c>[a-z0-9_-]</c> with an optional <c>.ext</c>, so a key can never
    /// climb out of the storage root or name a sidecar.
    /// </summary>
    public static bool IsValid(string? key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > MaxLength)
        {
            return false;
        }

        var segments = key.Split('/');
        if (segments.Length > 8)
        {
            return false;
        }

        foreach (var segment in segments)
        {
            if (segment.Length == 0 || segment[0] == '.' || segment.EndsWith('.'))
            {
                return false;
            }

            var dots = 0;
            foreach (var c in segment)
            {
                if (c == '.')
                {
                    dots++;
                }
                else if (!(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_'))
                {
                    return false;
                }
            }

            if (dots > 1)
            {
                return false;
            }
        }

        return true;
    }

    public static string Url(string key) => "/v1/files/" + key;

    /// <summary>The key a <see cref="Url"/> points at, or null for any other URL.</summary>
    public static string? FromUrl(string? url) =>
        url is not null && url.StartsWith("/v1/files/", StringComparison.Ordinal) ? url["/v1/files/".Length..] : null;
}

public static class FileStorageExtensions
{
    /// <summary>
    /// Deletes files whose references a committed change removed (a deleted project, a replaced thumbnail). When the
    /// backend is unavailable the change still stands and the answer says so: the files stay behind as orphans, each
    /// named in the backend's warning, instead of a 503 for work that was done.
    /// </summary>
    public static async Task DeleteUnreferencedAsync(this IFileStorage storage, IEnumerable<string> keys, CancellationToken ct)
    {
        foreach (var key in keys)
        {
            try
            {
                await storage.DeleteAsync(key, ct);
            }
            catch (FileStorageUnavailableException)
            {
                // Logged by the backend with the key; the next key may still go.
            }
        }
    }
}
