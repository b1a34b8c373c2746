using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace Compila.Web.Tests.Infrastructure.Storage;

/// <summary>An object the fake server holds.</summary>
public sealed record S3Object(byte[] Content, string ContentType, string ETag, DateTimeOffset LastModified);

/// <summary>A request the fake server answered: what was asked and the S3 error code it got, if any.</summary>
public sealed record S3Call(string Method, string Path, int Status, string? ErrorCode, string? PayloadHash);

/// <summary>
/// A small S3-protocol server (Kestrel on a port of 127.0.0.1 the kernel picks) for the SDK to talk to for real:
/// path-style PutObject, GetObject, HeadObject and DeleteObject on one bucket, every request authenticated with AWS
/// Signature Version 4 as S3 does it (canonical request, string to sign, HMAC-SHA256 key derivation from the secret,
/// the signed <c>x-amz-content-sha256</c> checked against the body), errors as S3's XML bodies with S3's codes
/// (<c>SignatureDoesNotMatch</c> 403, <c>InvalidAccessKeyId</c> 403, <c>NoSuchKey</c> 404, <c>NoSuchBucket</c> 404...).
/// aws-chunked bodies (<c>STREAMING-*</c> payload hashes) are refused with 501: the app is configured not to send
/// them, and this makes sure it does not.
/// </summary>
public sealed class FakeS3Server : IAsyncDisposable
{
    public const string Bucket = "compila-files";
    public const string Region = "sa-east-1";
    public const string AccessKey = "AKIACOMPILATESTS3";
    public const string SecretKey = "fake-s3-secret/Zr8qW2mN5vX9kL3pT7yB4cH6jD1fG0sA";

    static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(15);

    readonly WebApplication server;

    public FakeS3Server()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.Limits.MaxRequestBodySize = 64 * 1024 * 1024;
        });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        server = builder.Build();
        server.Run(HandleAsync);
        server.StartAsync().GetAwaiter().GetResult();
        ServiceUrl = $"http://127.0.0.1:{new Uri(server.Urls.Single()).Port}";
    }

    public string ServiceUrl { get; }

    /// <summary>The bucket's objects by key.</summary>
    public ConcurrentDictionary<string, S3Object> Objects { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<S3Call> Calls { get; } = new();

    /// <summary>Settings that point the app at this server with the right credentials (override any to break them).</summary>
    public Dictionary<string, string?> AppSettings(string? secretKey = null) => new()
    {
        ["Compila:Storage:Provider"] = "s3",
        ["Compila:Storage:S3:ServiceUrl"] = ServiceUrl,
        ["Compila:Storage:S3:Bucket"] = Bucket,
        ["Compila:Storage:S3:Region"] = Region,
        ["Compila:Storage:S3:AccessKey"] = AccessKey,
        ["Compila:Storage:S3:SecretKey"] = secretKey ?? SecretKey,
        ["Compila:Storage:S3:ForcePathStyle"] = "true",
    };

    async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var rawTarget = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var queryStart = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var rawPath = queryStart < 0 ? rawTarget : rawTarget[..queryStart];
        var rawQuery = queryStart < 0 ? "" : rawTarget[(queryStart + 1)..];
        var payloadHash = request.Headers["x-amz-content-sha256"].ToString();

        var body = new MemoryStream();
        await request.Body.CopyToAsync(body, context.RequestAborted);
        var bytes = body.ToArray();

        var error = Authenticate(request, rawPath, rawQuery, payloadHash, bytes);
        var segments = rawPath.TrimStart('/').Split('/', 2);
        var bucket = Uri.UnescapeDataString(segments[0]);
        var key = segments.Length > 1 ? Uri.UnescapeDataString(segments[1]) : "";
        if (error is null && bucket != Bucket)
        {
            error = new S3Error(404, "NoSuchBucket", "The specified bucket does not exist");
        }

        if (error is not null)
        {
            await WriteErrorAsync(context, error, rawPath, payloadHash);
            return;
        }

        var response = context.Response;
        switch (request.Method)
        {
            case "PUT" when key.Length > 0:
                // S3's ETag of a single-part upload is the body's MD5: an identifier, not a security measure.
#pragma warning disable CA5351
                var etag = "\"" + Convert.ToHexStringLower(MD5.HashData(bytes)) + "\"";
#pragma warning restore CA5351
                var contentType = request.ContentType is { Length: > 0 } type ? type : "binary/octet-stream";
                Objects[key] = new S3Object(bytes, contentType, etag, DateTimeOffset.UtcNow);
                response.Headers.ETag = etag;
                Record(context, rawPath, 200, null, payloadHash);
                return;
            case "GET" or "HEAD" when key.Length > 0:
                if (!Objects.TryGetValue(key, out var found))
                {
                    await WriteErrorAsync(context, new S3Error(404, "NoSuchKey", "The specified key does not exist."), rawPath, payloadHash);
                    return;
                }

                response.ContentType = found.ContentType;
                response.ContentLength = found.Content.Length;
                response.Headers.ETag = found.ETag;
                response.Headers.LastModified = found.LastModified.ToString("R", CultureInfo.InvariantCulture);
                response.Headers.AcceptRanges = "bytes";
                Record(context, rawPath, 200, null, payloadHash);
                if (request.Method == "GET")
                {
                    await response.Body.WriteAsync(found.Content, context.RequestAborted);
                }

                return;
            case "DELETE" when key.Length > 0:
                // S3 answers 204 whether or not the key existed.
                Objects.TryRemove(key, out _);
                response.StatusCode = 204;
                Record(context, rawPath, 204, null, payloadHash);
                return;
            default:
                await WriteErrorAsync(context, new S3Error(501, "NotImplemented", "This test server implements PutObject, GetObject, HeadObject and DeleteObject only."), rawPath, payloadHash);
                return;
        }
    }

    /// <summary>AWS Signature Version 4 in the Authorization header, checked as S3 checks it; null when it holds.</summary>
    static S3Error? Authenticate(HttpRequest request, string rawPath, string rawQuery, string payloadHash, byte[] body)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.Length == 0)
        {
            return new S3Error(403, "AccessDenied", "Access Denied");
        }

        const string Algorithm = "AWS4-HMAC-SHA256";
        if (!authorization.StartsWith(Algorithm + " ", StringComparison.Ordinal))
        {
            return new S3Error(400, "InvalidArgument", "Unsupported Authorization Type");
        }

        var parts = authorization[(Algorithm.Length + 1)..].Split(',', StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        if (!parts.TryGetValue("Credential", out var credential) || !parts.TryGetValue("SignedHeaders", out var signedHeaderList)
            || !parts.TryGetValue("Signature", out var signature))
        {
            return new S3Error(400, "AuthorizationHeaderMalformed", "The authorization header is malformed; it must name Credential, SignedHeaders and Signature.");
        }

        var scope = credential.Split('/');
        if (scope.Length != 5 || scope[3] != "s3" || scope[4] != "aws4_request")
        {
            return new S3Error(400, "AuthorizationHeaderMalformed", "The authorization header is malformed; the Credential is mal-formed.");
        }

        var (accessKey, date, region) = (scope[0], scope[1], scope[2]);
        if (accessKey != AccessKey)
        {
            return new S3Error(403, "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.");
        }

        if (region != Region)
        {
            return new S3Error(400, "AuthorizationHeaderMalformed", $"The authorization header is malformed; the region '{region}' is wrong; expecting '{Region}'");
        }

        var amzDate = request.Headers["x-amz-date"].ToString();
        if (!DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signedAt)
            || !amzDate.StartsWith(date, StringComparison.Ordinal))
        {
            return new S3Error(403, "AccessDenied", "AWS authentication requires a valid Date or x-amz-date header");
        }

        if ((DateTimeOffset.UtcNow - signedAt).Duration() > AllowedSkew)
        {
            return new S3Error(403, "RequestTimeTooSkewed", "The difference between the request time and the current time is too large.");
        }

        if (payloadHash.Length == 0)
        {
            return new S3Error(400, "InvalidRequest", "Missing required header for this request: x-amz-content-sha256");
        }

        if (payloadHash.StartsWith("STREAMING-", StringComparison.Ordinal))
        {
            return new S3Error(501, "NotImplemented", $"This test server does not decode aws-chunked bodies ({payloadHash}).");
        }

        var signedHeaders = signedHeaderList.Split(';');
        if (!signedHeaders.Contains("host") || !signedHeaders.Contains("x-amz-content-sha256") || !signedHeaders.Contains("x-amz-date"))
        {
            return new S3Error(403, "AccessDenied", "host, x-amz-content-sha256 and x-amz-date must be signed.");
        }

        var canonicalRequest = string.Join('\n',
            request.Method,
            CanonicalPath(rawPath),
            CanonicalQuery(rawQuery),
            string.Concat(signedHeaders.Select(h => h + ":" + CanonicalHeaderValue(request.Headers[h]) + "\n")),
            signedHeaderList,
            payloadHash);
        var stringToSign = string.Join('\n', Algorithm, amzDate, $"{date}/{region}/s3/aws4_request",
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + SecretKey), date);
        key = Hmac(key, region);
        key = Hmac(key, "s3");
        key = Hmac(key, "aws4_request");
        var expected = Convert.ToHexStringLower(Hmac(key, stringToSign));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature)))
        {
            return new S3Error(403, "SignatureDoesNotMatch",
                "The request signature we calculated does not match the signature you provided. Check your key and signing method.");
        }

        if (payloadHash != "UNSIGNED-PAYLOAD"
            && payloadHash != Convert.ToHexStringLower(SHA256.HashData(body)))
        {
            return new S3Error(400, "XAmzContentSHA256Mismatch", "The provided 'x-amz-content-sha256' header does not match what was computed.");
        }

        return null;
    }

    /// <summary>Each path segment URI-encoded once (S3 does not double-encode or normalise).</summary>
    static string CanonicalPath(string rawPath) =>
        string.Join('/', rawPath.Split('/').Select(s => UriEncode(Uri.UnescapeDataString(s))));

    static string CanonicalQuery(string rawQuery) =>
        string.Join('&', rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => (Name: UriEncode(Uri.UnescapeDataString(p[0])), Value: p.Length > 1 ? UriEncode(Uri.UnescapeDataString(p[1])) : ""))
            .OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Name + "=" + p.Value));

    static string CanonicalHeaderValue(StringValues values) =>
        string.Join(',', values.Select(v => string.Join(' ', (v ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))));

    static string UriEncode(string value)
    {
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_' or '.' or '~')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    async Task WriteErrorAsync(HttpContext context, S3Error error, string rawPath, string payloadHash)
    {
        Record(context, rawPath, error.Status, error.Code, payloadHash);
        var response = context.Response;
        response.StatusCode = error.Status;
        response.Headers["x-amz-request-id"] = context.TraceIdentifier;
        if (context.Request.Method == "HEAD")
        {
            // S3 answers HEAD errors with the status alone.
            return;
        }

        response.ContentType = "application/xml";
        var xml = new XDocument(new XDeclaration("1.0", "UTF-8", null), new XElement("Error",
            new XElement("Code", error.Code),
            new XElement("Message", error.Message),
            new XElement("Resource", rawPath),
            new XElement("RequestId", context.TraceIdentifier)));
        await response.WriteAsync(xml.Declaration + xml.ToString(SaveOptions.DisableFormatting), context.RequestAborted);
    }

    void Record(HttpContext context, string rawPath, int status, string? code, string payloadHash)
    {
        context.Response.Headers["x-amz-request-id"] = context.TraceIdentifier;
        Calls.Enqueue(new S3Call(context.Request.Method, rawPath, status, code, payloadHash));
    }

    public async ValueTask DisposeAsync()
    {
        await server.StopAsync();
        await server.DisposeAsync();
    }

    sealed record S3Error(int Status, string Code, string Message);
}
