using System.Security.Cryptography;

namespace Compila.Web.Infrastructure.Identity;

/// <summary>Signing keys kept in the data folder when configuration gives none.</summary>
public static class KeyFiles
{
    /// <summary>The P-256 private key (PKCS#8 PEM) at <paramref name="path"/>, created there (mode 600) if missing.</summary>
    public static string LoadOrCreateEcPem(string path)
    {
        if (File.Exists(path))
        {
            return File.ReadAllText(path);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var pem = key.ExportPkcs8PrivateKeyPem();
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(temp, options))
        {
            writer.Write(pem);
        }

        try
        {
            // Two instances starting together on one data folder must end up with one key.
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException)
        {
            File.Delete(temp);
        }

        return File.ReadAllText(path);
    }
}
