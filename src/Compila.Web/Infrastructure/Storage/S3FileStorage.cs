using System.Net;
using System.Runtime.InteropServices;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;

namespace Compila.Web.Infrastructure.Storage;

/// <summary>
/// Files as objects of one bucket on S3 or any S3-compatible service, under the same keys as the data folder, the
/// content type as the object's <c>Content-Type</c>. Reads stream from the service to the response; nothing larger
/// than the upload itself is held in memory.
/// </summary>
internal sealed class S3FileStorage : IFileStorage, IDisposable
{
    readonly AmazonS3Client client;
    readonly string bucket;
    readonly ILogger<S3FileStorage> logger;

    public S3FileStorage(IOptions<StorageOptions> options, ILogger<S3FileStorage> logger)
    {
        var s3 = options.Value.S3;
        bucket = s3.Bucket!;
        this.logger = logger;
        var config = new AmazonS3Config
        {
            ForcePathStyle = s3.UsesPathStyle,
            // The SDK's default since 2025 (AWS SDK v4, boto3 1.36) adds a CRC32 checksum to every upload, sent as an
            // aws-chunked body with a trailer, and validates response checksums. Cloudflare R2, Backblaze B2, Ceph
            // RGW and MinIO releases before 2025 refuse or mis-store such bodies; computing checksums only where the
            // operation requires one is what those services document for new SDKs. Integrity does not suffer: with
            // chunk encoding off (PutAsync) the body's SHA-256 is signed and the server checks it.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            Timeout = TimeSpan.FromSeconds(30),
            MaxErrorRetry = 2,
        };
        if (!string.IsNullOrWhiteSpace(s3.ServiceUrl))
        {
            config.ServiceURL = s3.ServiceUrl;
            config.AuthenticationRegion = s3.Region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(s3.Region);
        }

        client = string.IsNullOrWhiteSpace(s3.AccessKey)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(s3.AccessKey, s3.SecretKey), config);
    }

    public async Task PutAsync(string key, ReadOnlyMemory<byte> content, string contentType, CancellationToken ct)
    {
        EnsureValid(key);
        var bytes = MemoryMarshal.TryGetArray(content, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(content.ToArray(), writable: false);
        var request = new PutObjectRequest
        {
            BucketName = bucket,
            Key = key,
            InputStream = bytes,
            ContentType = contentType,
            AutoCloseStream = true,
            // A plain body with its SHA-256 in the signature (x-amz-content-sha256), which every S3-compatible
            // server verifies; aws-chunked signing is only worth it for bodies not known in advance.
            UseChunkEncoding = false,
        };
        await CallAsync("PutObject", key, () => client.PutObjectAsync(request, ct), ct);
    }

    public async Task<StoredFile?> GetAsync(string key, CancellationToken ct)
    {
        EnsureValid(key);
        try
        {
            var response = await client.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = key }, ct);
            var contentType = string.IsNullOrEmpty(response.Headers.ContentType) ? "application/octet-stream" : response.Headers.ContentType;
            return new StoredFile(new ResponseStream(response), contentType, response.ContentLength);
        }
        catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchKey")
        {
            return null;
        }
        catch (Exception e) when (IsServiceFailure(e, ct))
        {
            throw Unavailable("GetObject", key, e);
        }
    }

    public async Task DeleteAsync(string key, CancellationToken ct)
    {
        EnsureValid(key);
        try
        {
            await client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = bucket, Key = key }, ct);
        }
        catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchKey")
        {
            // S3 answers 204 for a missing key; a few compatible servers answer NoSuchKey. Either way it is gone.
        }
        catch (Exception e) when (IsServiceFailure(e, ct))
        {
            throw Unavailable("DeleteObject", key, e);
        }
    }

    /// <summary>
    /// Whether the bucket answers with these credentials: a HEAD of a key that never exists is 404 when it does
    /// (403 when the credentials are refused or lack <c>s3:ListBucket</c>, which missing files need to be 404).
    /// </summary>
    public async Task<(bool Reachable, string Description)> ProbeAsync(CancellationToken ct)
    {
        try
        {
            await client.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = bucket, Key = "health/probe" }, ct);
            return (true, "S3 respondeu.");
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound && e.ErrorCode is "NotFound" or "NoSuchKey")
        {
            return (true, "S3 respondeu.");
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.Forbidden)
        {
            return (false, "S3 recusou as credenciais (ou falta s3:ListBucket).");
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return (false, "O bucket S3 não existe.");
        }
        catch (Exception e) when (IsServiceFailure(e, ct))
        {
            return (false, "S3 não respondeu.");
        }
    }

    public void Dispose() => client.Dispose();

    async Task CallAsync(string operation, string key, Func<Task> call, CancellationToken ct)
    {
        try
        {
            await call();
        }
        catch (Exception e) when (IsServiceFailure(e, ct))
        {
            throw Unavailable(operation, key, e);
        }
    }

    /// <summary>An answer or a silence of the service; the caller's own cancellation is not one.</summary>
    static bool IsServiceFailure(Exception e, CancellationToken ct) =>
        e is AmazonServiceException or AmazonClientException or HttpRequestException or IOException
        || (e is OperationCanceledException && !ct.IsCancellationRequested);

    FileStorageUnavailableException Unavailable(string operation, string key, Exception e)
    {
        var (status, code) = e is AmazonServiceException service ? ((int)service.StatusCode, service.ErrorCode) : (0, e.GetType().Name);
        // Operation, key, status and the service's error code say what went wrong; the SDK's messages and
        // exceptions carry no credential, but the message is ours so that stays true.
        logger.LogWarning(e, "S3 {Operation} of {Key} in bucket {Bucket} failed: {Status} {ErrorCode}", operation, key, bucket, status, code);
        return new FileStorageUnavailableException($"S3 {operation} failed ({status} {code}).", e);
    }

    static void EnsureValid(string key)
    {
        if (!FileKeys.IsValid(key))
        {
            throw new ArgumentException("Invalid storage key.", nameof(key));
        }
    }

    /// <summary>The object's body, releasing the HTTP response (and its pooled connection) when disposed.</summary>
    sealed class ResponseStream(GetObjectResponse response) : Stream
    {
        readonly Stream inner = response.ResponseStream;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => response.ContentLength;
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            inner.ReadAsync(buffer, cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            inner.ReadAsync(buffer, offset, count, cancellationToken);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                response.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
