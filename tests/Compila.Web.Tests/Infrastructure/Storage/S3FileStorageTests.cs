using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Compila.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace Compila.Web.Tests.Infrastructure.Storage;

/// <summary>The fake S3 server and two hosts over HTTP: one storing files in the bucket, one in its data folder.</summary>
public sealed class S3StorageFixture : IAsyncDisposable
{
    public S3StorageFixture()
    {
        S3 = new FakeS3Server();
        App = CompilaApp.With(S3.AppSettings());
        DataFolderApp = new CompilaApp();
    }

    public FakeS3Server S3 { get; }

    /// <summary>Configured for the fake server.</summary>
    public CompilaApp App { get; }

    /// <summary>No storage settings: the default.</summary>
    public CompilaApp DataFolderApp { get; }

    public async ValueTask DisposeAsync()
    {
        App.Dispose();
        DataFolderApp.Dispose();
        await S3.DisposeAsync();
    }
}

/// <summary>
/// Issue 19: files on an S3-compatible service when configured, through the real AWS SDK against a server that speaks
/// S3's protocol and checks every signature; the files endpoint answers the same as from the data folder.
/// </summary>
public sealed class S3FileStorageTests(S3StorageFixture fixture) : IClassFixture<S3StorageFixture>
{
    static readonly string[] FileHeaders = ["Content-Type", "Content-Length", "X-Content-Type-Options", "Cache-Control", "Content-Security-Policy"];

    FakeS3Server S3 => fixture.S3;

    [Fact]
    public async Task UploadedImage_LandsInTheBucketNotTheDataFolder_AndIsServedWithTheDataFoldersHeaders()
    {
        var image = Png(300, 200);
        var s3Url = await UploadAsync(await CreateProjectAsync(fixture.App), image);
        var localUrl = await UploadAsync(await CreateProjectAsync(fixture.DataFolderApp), image);

        var s3Key = FileKeys.FromUrl(s3Url)!;
        var stored = Assert.Contains(s3Key, S3.Objects);
        Assert.Equal("image/png", stored.ContentType);
        Assert.StartsWith("portfolio/", s3Key, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(fixture.App.Database.DataDir, "files")), "the S3-configured app wrote to its data folder");
        var localKey = FileKeys.FromUrl(localUrl)!;
        Assert.True(File.Exists(Path.Combine(fixture.DataFolderApp.Database.DataDir, "files", localKey)));
        Assert.DoesNotContain(localKey, S3.Objects.Keys);

        using var fromS3 = await fixture.App.CreateClient().GetAsync(s3Url);
        using var fromDisk = await fixture.DataFolderApp.CreateClient().GetAsync(localUrl);
        Assert.Equal(HttpStatusCode.OK, fromS3.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fromDisk.StatusCode);
        Assert.Equal(stored.Content, await fromS3.Content.ReadAsByteArrayAsync());
        Assert.Equal(Headers(fromDisk, FileHeaders), Headers(fromS3, FileHeaders));
        Assert.Equal("nosniff", fromS3.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("default-src 'none'; sandbox", fromS3.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal(stored.Content.Length, fromS3.Content.Headers.ContentLength);
        Assert.Equal(AllHeaderNames(fromDisk), AllHeaderNames(fromS3));
    }

    [Fact]
    public async Task MissingAndInvalidKeys_Are404_AsFromTheDataFolder()
    {
        foreach (var path in new[] { "/v1/files/portfolio/nada.png", "/v1/files/../keys/jwt-es256.pem", "/v1/files/Portfolio/X.PNG", "/v1/files/a/.type" })
        {
            using var fromS3 = await fixture.App.CreateClient().GetAsync(path);
            using var fromDisk = await fixture.DataFolderApp.CreateClient().GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, fromS3.StatusCode);
            Assert.Equal(fromDisk.StatusCode, fromS3.StatusCode);
            Assert.Equal("application/problem+json", fromS3.Content.Headers.ContentType?.MediaType);
            Assert.Equal(fromDisk.Content.Headers.ContentType?.MediaType, fromS3.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task ReplacingTheThumbnail_DeletingAnImage_AndDeletingTheProject_RemoveTheirObjects()
    {
        var project = await CreateProjectAsync(fixture.App);
        var first = FileKeys.FromUrl(await UploadAsync(project, Png(64, 64)))!;
        var second = FileKeys.FromUrl(await UploadAsync(project, Png(80, 64)))!;
        var oldThumbnail = FileKeys.FromUrl(await UploadAsync(project, Png(64, 64), thumbnail: true))!;
        var thumbnail = FileKeys.FromUrl(await UploadAsync(project, Png(64, 80), thumbnail: true))!;
        Assert.DoesNotContain(oldThumbnail, S3.Objects.Keys);
        Assert.Contains(first, S3.Objects.Keys);

        using (var deleted = await project.Client.DeleteAsync($"{project.Path}/images/{first.Split('/')[^1]}"))
        {
            Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        }

        Assert.DoesNotContain(first, S3.Objects.Keys);
        Assert.Contains(second, S3.Objects.Keys);

        using (var deleted = await project.Client.DeleteAsync(project.Path))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        Assert.DoesNotContain(second, S3.Objects.Keys);
        Assert.DoesNotContain(thumbnail, S3.Objects.Keys);
        using var gone = await fixture.App.CreateClient().GetAsync(FileKeys.Url(second));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Backend_KeepsKeysAndTypes_StreamsLargeReads_MissingIsNull_AndDeletingAMissingKeyIsFine()
    {
        var storage = fixture.App.Services.GetRequiredService<IFileStorage>();
        var key = $"exports/{Guid.NewGuid():N}/cv.pdf";
        var content = RandomNumberGenerator.GetBytes(12 * 1024 * 1024);

        await storage.PutAsync(key, content, "application/pdf", TestContext.Current.CancellationToken);

        Assert.Equal("application/pdf", S3.Objects[key].ContentType);
        var put = Assert.Single(S3.Calls, c => c.Method == "PUT" && c.Path.EndsWith(key, StringComparison.Ordinal));
        // A plain body whose SHA-256 is signed: no aws-chunked encoding, no unsigned payload.
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), put.PayloadHash);
        var file = await storage.GetAsync(key, TestContext.Current.CancellationToken);
        Assert.NotNull(file);
        await using (var stream = file.Content)
        {
            Assert.False(stream.CanSeek, "an S3 read should stream, not buffer the object");
            Assert.Equal("application/pdf", file.ContentType);
            Assert.Equal(content.Length, file.Length);
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, TestContext.Current.CancellationToken);
            Assert.Equal(content, copy.ToArray());
        }

        Assert.Null(await storage.GetAsync($"exports/{Guid.NewGuid():N}/nada.pdf", TestContext.Current.CancellationToken));
        await storage.DeleteAsync($"exports/{Guid.NewGuid():N}/nada.pdf", TestContext.Current.CancellationToken);
        await storage.DeleteAsync(key, TestContext.Current.CancellationToken);
        Assert.DoesNotContain(key, S3.Objects.Keys);
        Assert.Null(await storage.GetAsync(key, TestContext.Current.CancellationToken));
        Assert.DoesNotContain(S3.Calls, c => c.ErrorCode is "SignatureDoesNotMatch" or "NotImplemented" && c.Path.Contains("/exports/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WrongSecretKey_Is503InPortugueseForUploadsAndReads_TheSecretIsNowhere_AndReadinessNamesStorage()
    {
        const string WrongSecret = "wrong-secret-7Yq2Lp9Xv4Rt6Nb8Mc1Kd3Hf5Gj0Ws";
        var existing = await UploadAsync(await CreateProjectAsync(fixture.App), Png(40, 40));
        var orphanProject = await CreateProjectAsync(fixture.App);
        var orphan = FileKeys.FromUrl(await UploadAsync(orphanProject, Png(40, 40)))!;
        var logs = new CapturedLogs();
        using var broken = fixture.App.WithWebHostBuilder(b =>
        {
            b.UseSetting("Compila:Storage:S3:SecretKey", WrongSecret);
            b.ConfigureTestServices(s => s.AddSingleton<ILoggerProvider>(logs));
        });
        var refusedBefore = S3.Calls.Count(c => c.ErrorCode == "SignatureDoesNotMatch");

        var client = broken.CreateClient();
        client.Authorized((await client.RegisterAsync()).AccessToken);
        var created = await client.PostAsJsonAsync("/v1/portfolio/projects", new { title = "Sem armazenamento", stack = "backend" });
        var id = (await created.ReadJsonAsync())["id"]!.GetValue<string>();
        using var upload = await client.PostAsync($"/v1/portfolio/projects/{id}/images", ImageForm(Png(40, 40)));
        var uploadText = await upload.Content.ReadAsStringAsync();
        var problem = await upload.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("Serviço indisponível.", problem["title"]!.GetValue<string>());
        Assert.Contains("armazenamento de arquivos", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(upload.Headers.RetryAfter);
        Assert.Empty((await (await client.GetAsync($"/v1/portfolio/projects/{id}")).ReadJsonAsync())["images"]!.AsArray());

        using var read = await broken.CreateClient().GetAsync(existing);
        var readText = await read.Content.ReadAsStringAsync();
        await read.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);

        // Deleting a project still deletes it: the answer says what was done, its files stay behind as orphans.
        using (var deleted = await broken.CreateClient().Authorized(orphanProject.AccessToken).DeleteAsync(orphanProject.Path))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        Assert.Contains(orphan, S3.Objects.Keys);

        using var ready = await broken.CreateClient().GetAsync("/health/ready");
        var health = await ready.ReadJsonAsync();
        Assert.Equal("degraded", health["checks"]!["storage"]!["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);

        Assert.True(S3.Calls.Count(c => c.ErrorCode == "SignatureDoesNotMatch") >= refusedBefore + 3, "the server did not refuse the signatures");
        foreach (var text in new[] { uploadText, readText, health.ToJsonString() })
        {
            Assert.DoesNotContain(WrongSecret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(FakeS3Server.SecretKey, text, StringComparison.Ordinal);
            Assert.DoesNotContain("SignatureDoesNotMatch", text, StringComparison.Ordinal);
        }

        var entries = logs.Entries;
        Assert.Contains(entries, e => e.Level == LogLevel.Warning && e.Message.Contains("SignatureDoesNotMatch", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Level == LogLevel.Warning && e.Message.Contains(orphan, StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Level >= LogLevel.Error);
        Assert.All(entries, e => Assert.DoesNotContain(WrongSecret, e.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void S3Settings_AreCheckedOnStart_NamingTheSettingsButNeverTheSecret()
    {
        const string Secret = "half-configured-secret-Qm4Zx8Wc2Vb6";
        using var app = CompilaApp.With(new()
        {
            ["Compila:Storage:Provider"] = "S3",
            ["Compila:Storage:S3:ServiceUrl"] = "ftp://minio:9000",
            ["Compila:Storage:S3:SecretKey"] = Secret,
        });

        var failure = Record.Exception(() => app.CreateClient());

        var validation = Assert.IsType<OptionsValidationException>(Unwrap(failure));
        var message = string.Join("\n", validation.Failures);
        Assert.Contains("Compila:Storage:S3:Bucket is required", message, StringComparison.Ordinal);
        Assert.Contains("Compila:Storage:S3:ServiceUrl must be an absolute http(s) URL", message, StringComparison.Ordinal);
        Assert.Contains("needs both AccessKey and SecretKey", message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, failure!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFakeServer_RefusesUnsignedRequests_AndTheSdksDefaultAwsChunkedUploads()
    {
        using var http = new HttpClient();
        using var unsigned = await http.PutAsync($"{S3.ServiceUrl}/{FakeS3Server.Bucket}/x.txt", new ByteArrayContent([1, 2, 3]), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, unsigned.StatusCode);
        Assert.Contains("<Code>AccessDenied</Code>", await unsigned.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        // The SDK as it comes: checksums on every upload, sent as aws-chunked bodies with a trailer.
        using var defaults = new AmazonS3Client(new BasicAWSCredentials(FakeS3Server.AccessKey, FakeS3Server.SecretKey), new AmazonS3Config
        {
            ServiceURL = S3.ServiceUrl,
            AuthenticationRegion = FakeS3Server.Region,
            ForcePathStyle = true,
            MaxErrorRetry = 0,
        });
        var error = await Assert.ThrowsAsync<AmazonS3Exception>(() => defaults.PutObjectAsync(new PutObjectRequest
        {
            BucketName = FakeS3Server.Bucket,
            Key = "x.txt",
            ContentBody = "olá",
        }, TestContext.Current.CancellationToken));
        Assert.Equal("NotImplemented", error.ErrorCode);
        // STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER over http, STREAMING-UNSIGNED-PAYLOAD-TRAILER over https.
        Assert.Matches("^STREAMING-.*-TRAILER$", S3.Calls.Last(c => c.Path.EndsWith("/x.txt", StringComparison.Ordinal)).PayloadHash);
        Assert.DoesNotContain("x.txt", S3.Objects.Keys);

        // Signed correctly, the same client reads; signed with another secret, it is refused as S3 refuses it.
        var missing = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => defaults.GetObjectAsync(FakeS3Server.Bucket, "nada.txt", TestContext.Current.CancellationToken));
        Assert.Equal(("NoSuchKey", HttpStatusCode.NotFound), (missing.ErrorCode, missing.StatusCode));
        using var wrong = new AmazonS3Client(new BasicAWSCredentials(FakeS3Server.AccessKey, "not-the-secret"), new AmazonS3Config
        {
            ServiceURL = S3.ServiceUrl,
            AuthenticationRegion = FakeS3Server.Region,
            ForcePathStyle = true,
            MaxErrorRetry = 0,
        });
        var refused = await Assert.ThrowsAsync<AmazonS3Exception>(() => wrong.GetObjectAsync(FakeS3Server.Bucket, "nada.txt", TestContext.Current.CancellationToken));
        Assert.Equal(("SignatureDoesNotMatch", HttpStatusCode.Forbidden), (refused.ErrorCode, refused.StatusCode));
    }

    /// <summary>A new learner's new project on <paramref name="app"/>.</summary>
    static async Task<Project> CreateProjectAsync(CompilaApp app)
    {
        var client = app.CreateClient();
        var token = (await client.RegisterAsync()).AccessToken;
        client.Authorized(token);
        var response = await client.PostAsJsonAsync("/v1/portfolio/projects", new { title = "Projeto com imagens", stack = "frontend" });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var id = (await response.ReadJsonAsync())["id"]!.GetValue<string>();
        return new Project(client, token, $"/v1/portfolio/projects/{id}");
    }

    /// <summary>Uploads an image (or the thumbnail) and returns its URL.</summary>
    static async Task<string> UploadAsync(Project project, byte[] png, bool thumbnail = false)
    {
        using var response = await project.Client.PostAsync($"{project.Path}/{(thumbnail ? "thumbnail" : "images")}", ImageForm(png));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var resource = JsonNode.Parse(body)!;
        return thumbnail ? resource["thumbnailUrl"]!.GetValue<string>() : resource["images"]!.AsArray()[^1]!.GetValue<string>();
    }

    sealed record Project(HttpClient Client, string AccessToken, string Path);

    static MultipartFormDataContent ImageForm(byte[] png)
    {
        var file = new ByteArrayContent(png);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return new MultipartFormDataContent { { file, "file", "tela.png" } };
    }

    static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(200, 80, 30));
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 90);
        return data.ToArray();
    }

    static List<string> Headers(HttpResponseMessage response, string[] names) =>
        names.Select(n => $"{n}: {string.Join(",", response.Headers.TryGetValues(n, out var v) ? v : response.Content.Headers.TryGetValues(n, out var c) ? c : [])}").ToList();

    static List<string> AllHeaderNames(HttpResponseMessage response) =>
        response.Headers.Concat(response.Content.Headers).Select(h => h.Key.ToLowerInvariant()).Where(n => n != "date").Order(StringComparer.Ordinal).ToList();

    static Exception? Unwrap(Exception? failure)
    {
        for (var e = failure; e is not null; e = e.InnerException)
        {
            if (e is OptionsValidationException)
            {
                return e;
            }

            if (e is AggregateException { InnerExceptions.Count: 1 } aggregate)
            {
                return Unwrap(aggregate.InnerException);
            }
        }

        return failure;
    }
}
