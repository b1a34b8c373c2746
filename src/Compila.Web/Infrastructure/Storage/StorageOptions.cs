using Microsoft.Extensions.Options;

namespace Compila.Web.Infrastructure.Storage;

/// <summary>The <c>Compila:Storage</c> section: where uploaded and generated files live.</summary>
public sealed class StorageOptions
{
    public const string Section = "Compila:Storage";

    /// <summary><c>Local</c> (the data folder's <c>files/</c>) or <c>S3</c> (any S3-compatible object store).</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Local;

    public S3StorageOptions S3 { get; set; } = new();
}

public enum StorageProvider
{
    Local,
    S3,
}

/// <summary><c>Compila:Storage:S3</c>: AWS S3 or a compatible service (MinIO, Cloudflare R2, Backblaze B2, Ceph...).</summary>
public sealed class S3StorageOptions
{
    /// <summary>The service's endpoint (<c>http://minio:9000</c>, <c>https://{account}.r2.cloudflarestorage.com</c>); empty means AWS in <see cref="Region"/>.</summary>
    public string? ServiceUrl { get; set; }

    public string? Bucket { get; set; }

    /// <summary>The region requests are signed for: AWS's region, <c>auto</c> on R2, anything the server accepts on MinIO.</summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary>Access key id and secret; both or neither. Neither uses the AWS SDK's default credentials (environment, web identity, instance role).</summary>
    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    /// <summary>
    /// Path-style URLs (<c>{ServiceUrl}/{bucket}/{key}</c>) instead of a bucket subdomain. Defaults to true when
    /// <see cref="ServiceUrl"/> is set (MinIO and most self-hosted servers need it; R2 and B2 accept it), false on AWS.
    /// </summary>
    public bool? ForcePathStyle { get; set; }

    public bool UsesPathStyle => ForcePathStyle ?? !string.IsNullOrWhiteSpace(ServiceUrl);

    /// <summary>Never prints the secret, should options end up in a log or an exception message.</summary>
    public override string ToString() => $"S3 bucket {Bucket} at {(string.IsNullOrWhiteSpace(ServiceUrl) ? "AWS " + Region : ServiceUrl)}";
}

/// <summary>Checked on start, and only when S3 is chosen: the data folder needs no settings.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (options.Provider != StorageProvider.S3)
        {
            return ValidateOptionsResult.Success;
        }

        var s3 = options.S3;
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(s3.Bucket))
        {
            failures.Add("Compila:Storage:S3:Bucket is required when Compila:Storage:Provider is S3.");
        }

        if (!string.IsNullOrWhiteSpace(s3.ServiceUrl)
            && !(Uri.TryCreate(s3.ServiceUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"))
        {
            failures.Add("Compila:Storage:S3:ServiceUrl must be an absolute http(s) URL.");
        }

        if (string.IsNullOrWhiteSpace(s3.Region))
        {
            failures.Add("Compila:Storage:S3:Region is required (us-east-1 if the service ignores regions, auto on Cloudflare R2).");
        }

        if (string.IsNullOrWhiteSpace(s3.AccessKey) != string.IsNullOrWhiteSpace(s3.SecretKey))
        {
            failures.Add("Compila:Storage:S3 needs both AccessKey and SecretKey (or neither, for the AWS SDK's default credentials).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
