using Compila.Web.Infrastructure.Configuration;
using Microsoft.Extensions.Options;

namespace Compila.Web.Infrastructure.Storage;

/// <summary>
/// Files under <c>{DataDir}/files</c>, the content type in a <c>.type</c> sidecar beside each file. Writes go to a
/// temporary file and are moved into place, so a reader never sees half a file.
/// </summary>
internal sealed class LocalFileStorage(IOptions<CompilaOptions> options) : IFileStorage
{
    const string TypeSuffix = ".type";

    readonly string root = Path.Combine(options.Value.FullDataDir, "files");

    public async Task PutAsync(string key, ReadOnlyMemory<byte> content, string contentType, CancellationToken ct)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllBytesAsync(temp, content.ToArray(), ct);
        await File.WriteAllTextAsync(temp + TypeSuffix, contentType, ct);
        File.Move(temp + TypeSuffix, path + TypeSuffix, overwrite: true);
        File.Move(temp, path, overwrite: true);
    }

    public async Task<StoredFile?> GetAsync(string key, CancellationToken ct)
    {
        var path = PathOf(key);
        if (!File.Exists(path) || !File.Exists(path + TypeSuffix))
        {
            return null;
        }

        var contentType = (await File.ReadAllTextAsync(path + TypeSuffix, ct)).Trim();
        try
        {
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 64 * 1024, useAsync: true);
            return new StoredFile(stream, contentType, stream.Length);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    public Task DeleteAsync(string key, CancellationToken ct)
    {
        var path = PathOf(key);
        File.Delete(path);
        File.Delete(path + TypeSuffix);
        return Task.CompletedTask;
    }

    string PathOf(string key)
    {
        if (!FileKeys.IsValid(key))
        {
            throw new ArgumentException("Invalid storage key.", nameof(key));
        }

        return Path.Combine(root, key.Replace('/', Path.DirectorySeparatorChar));
    }
}
