using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Compila.Web.Features.Submissions;
using Compila.Web.Infrastructure.Data;
using Compila.Web.Tests.Features.Submissions;
using Compila.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace Compila.Web.Tests.Features.Portfolio;

public sealed class ProjectsTests(CompilaApp app) : IClassFixture<CompilaApp>
{
    const string Browser = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";

    [Fact]
    public async Task Create_MakesSlugFromTitleWithAccentsFolded_AndADuplicateSlugIs409()
    {
        var client = await SignedInAsync();

        var created = await client.PostAsJsonAsync("/v1/portfolio/projects", new { title = "Gestão de Tarefas São João", stack = "backend", technologies = new[] { "C#", "PostgreSQL" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var project = await created.ReadJsonAsync();
        Assert.Equal("gestao-de-tarefas-sao-joao", project["slug"]!.GetValue<string>());
        Assert.Equal($"/v1/portfolio/projects/{project["id"]}", created.Headers.Location!.OriginalString);

        var again = await (await client.PostAsJsonAsync("/v1/portfolio/projects", new { title = "Gestão de tarefas São João", stack = "backend" })).ReadJsonAsync();
        Assert.Equal("gestao-de-tarefas-sao-joao-2", again["slug"]!.GetValue<string>());

        var duplicate = await client.PostAsJsonAsync("/v1/portfolio/projects", new { title = "Outro", slug = "gestao-de-tarefas-sao-joao", stack = "backend" });
        var problem = await duplicate.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("Você já tem um projeto", problem["detail"]!.GetValue<string>());

        var renamed = await client.PutAsJsonAsync($"/v1/portfolio/projects/{again["id"]}", new { title = "X", slug = "gestao-de-tarefas-sao-joao", stack = "backend" });
        await renamed.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Create_RefusesJavascriptUrls_UnknownStack_MissingOrLongTitle_AndTooManyTechnologies()
    {
        var client = await SignedInAsync();

        var response = await client.PostAsJsonAsync("/v1/portfolio/projects", new
        {
            title = new string('a', 201),
            stack = "blockchain",
            demoUrl = "javascript:alert(1)",
            repoUrl = "ftp://example.com/x",
            technologies = Enumerable.Range(0, 21).Select(i => $"t{i}").ToArray(),
        });
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("title"));
        Assert.True(errors.ContainsKey("stack"));
        Assert.True(errors.ContainsKey("demoUrl"));
        Assert.True(errors.ContainsKey("repoUrl"));
        Assert.True(errors.ContainsKey("technologies"));

        var untitled = await client.PostAsJsonAsync("/v1/portfolio/projects", new { stack = "frontend" });
        Assert.Contains("título", (await untitled.AssertProblemAsync(HttpStatusCode.BadRequest))["errors"]!["title"]![0]!.GetValue<string>());
        Assert.Empty((await (await client.GetAsync("/v1/portfolio/projects")).ReadJsonAsync()).AsArray());
    }

    [Fact]
    public async Task LongDescription_HtmlAndScriptLinksInMarkdown_AreNeutralised()
    {
        var client = await SignedInAsync();
        var markdown = "# Título\n\n<script>alert('x')</script>\n\n<img src=x onerror=alert(1)>\n\n[clique](javascript:alert(1)) [site](https://exemplo.com) [mail](mailto:a@b.com) [rel](/v1/me)\n\n**negrito**";

        var project = await CreateAsync(client, new { title = "Markdown", stack = "frontend", longDescription = markdown });

        var html = project["longDescriptionHtml"]!.GetValue<string>();
        Assert.Equal(markdown, project["longDescription"]!.GetValue<string>());
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"/v1/me\"", html, StringComparison.Ordinal);
        Assert.Contains("<h1", html, StringComparison.Ordinal);
        Assert.Contains("<strong>negrito</strong>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://exemplo.com\" rel=\"nofollow noopener noreferrer\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"mailto:a@b.com\"", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherUsersProject_CannotBeChangedDeletedOrGivenImages()
    {
        var owner = await SignedInAsync();
        var project = await CreateAsync(owner, new { title = "Meu", stack = "mobile" });
        var id = project["id"]!.GetValue<string>();
        var intruder = await SignedInAsync();

        await (await intruder.PutAsJsonAsync($"/v1/portfolio/projects/{id}", new { title = "Roubado", stack = "mobile" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await intruder.DeleteAsync($"/v1/portfolio/projects/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await intruder.PostAsync($"/v1/portfolio/projects/{id}/images", ImageForm(Png(10, 10), "a.png", "image/png"))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await intruder.PostAsync($"/v1/portfolio/projects/{id}/thumbnail", ImageForm(Png(10, 10), "a.png", "image/png"))).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await (await intruder.GetAsync("/v1/portfolio/projects")).ReadJsonAsync()).AsArray());
        await (await app.CreateClient().PostAsJsonAsync("/v1/portfolio/projects", new { title = "Anônimo", stack = "mobile" })).AssertProblemAsync(HttpStatusCode.Unauthorized);

        var mine = await (await owner.GetAsync($"/v1/portfolio/projects/{id}")).ReadJsonAsync();
        Assert.Equal("Meu", mine["title"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/v1/portfolio/projects/{id}")).StatusCode);
        await (await owner.GetAsync($"/v1/portfolio/projects/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Upload_ARealPng_IsReEncodedAndServedWithItsTypeNosniffAndCacheHeaders_AndBecomesTheThumbnail()
    {
        var client = await SignedInAsync();
        var id = (await CreateAsync(client, new { title = "Com imagem", stack = "frontend" }))["id"]!.GetValue<string>();

        var image = await client.PostAsync($"/v1/portfolio/projects/{id}/images", ImageForm(Png(1200, 800), "tela.png", "image/png"));
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        var url = (await image.ReadJsonAsync())["images"]![0]!.GetValue<string>();
        var thumb = await client.PostAsync($"/v1/portfolio/projects/{id}/thumbnail", ImageForm(Png(1200, 800), "capa.png", "image/png"));
        var thumbnailUrl = (await thumb.ReadJsonAsync())["thumbnailUrl"]!.GetValue<string>();

        var served = await app.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/png", served.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("max-age", served.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        using (var bitmap = SKBitmap.Decode(await served.Content.ReadAsByteArrayAsync()))
        {
            Assert.Equal((1200, 800), (bitmap.Width, bitmap.Height));
        }

        using (var small = SKBitmap.Decode(await (await app.CreateClient().GetAsync(thumbnailUrl)).Content.ReadAsByteArrayAsync()))
        {
            Assert.Equal((640, 427), (small.Width, small.Height));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync("/v1/files/../keys/jwt-es256.pem")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync("/v1/files/portfolio/nada.png")).StatusCode);
    }

    [Fact]
    public async Task Upload_RefusesFakePngSvgWithScriptOversizedFilesAndDimensions_WithProblems()
    {
        var client = await SignedInAsync();
        var id = (await CreateAsync(client, new { title = "Hostil", stack = "frontend" }))["id"]!.GetValue<string>();
        var path = $"/v1/portfolio/projects/{id}/images";

        byte[] fakePng = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Encoding.ASCII.GetBytes("<?php echo 'oi'; ?> isto não é uma imagem")];
        await (await client.PostAsync(path, ImageForm(fakePng, "x.png", "image/png"))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

        var svg = Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>");
        var svgProblem = await (await client.PostAsync(path, ImageForm(svg, "x.png", "image/png"))).AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("SVG", svgProblem["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        var oversized = new byte[6 * 1024 * 1024];
        Png(10, 10).CopyTo(oversized, 0);
        await (await client.PostAsync(path, ImageForm(oversized, "big.png", "image/png"))).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        var justOver = new byte[5 * 1024 * 1024 + 10];
        Png(10, 10).CopyTo(justOver, 0);
        await (await client.PostAsync(path, ImageForm(justOver, "big.png", "image/png"))).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        await (await client.PostAsync(path, ImageForm(Png(5000, 10), "wide.png", "image/png"))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await client.PostAsJsonAsync(path, new { file = "x" })).AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);

        var project = await (await client.GetAsync($"/v1/portfolio/projects/{id}")).ReadJsonAsync();
        Assert.Empty(project["images"]!.AsArray());
    }

    [Fact]
    public async Task Upload_JpegWithExifGps_IsStoredWithoutIt()
    {
        var client = await SignedInAsync();
        var id = (await CreateAsync(client, new { title = "Foto", stack = "mobile" }))["id"]!.GetValue<string>();
        var jpeg = WithExifGps(Jpeg(64, 48));
        Assert.True(HasExif(jpeg));
        using (var check = SKBitmap.Decode(jpeg))
        {
            Assert.NotNull(check);
        }

        var response = await client.PostAsync($"/v1/portfolio/projects/{id}/images", ImageForm(jpeg, "foto.jpg", "image/jpeg"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var url = (await response.ReadJsonAsync())["images"]![0]!.GetValue<string>();
        var stored = await (await app.CreateClient().GetAsync(url)).Content.ReadAsByteArrayAsync();

        Assert.False(HasExif(stored));
        Assert.Equal(-1, IndexOf(stored, "GPS-MARK"u8.ToArray()));
        using var bitmap = SKBitmap.Decode(stored);
        Assert.Equal((64, 48), (bitmap.Width, bitmap.Height));
    }

    [Fact]
    public async Task Reorder_SetsDisplayOrder_FeaturedFirst_AndMustNameEveryProjectOnce()
    {
        var client = await SignedInAsync();
        var a = (await CreateAsync(client, new { title = "A", stack = "data" }))["id"]!.GetValue<string>();
        var b = (await CreateAsync(client, new { title = "B", stack = "data" }))["id"]!.GetValue<string>();
        var c = (await CreateAsync(client, new { title = "C", stack = "data", featured = true }))["id"]!.GetValue<string>();

        var ordered = await client.PutAsJsonAsync("/v1/portfolio/projects/order", new { ids = new[] { b, a, c } });
        Assert.Equal(HttpStatusCode.OK, ordered.StatusCode);
        var titles = (await (await client.GetAsync("/v1/portfolio/projects")).ReadJsonAsync()).AsArray().Select(p => p!["title"]!.GetValue<string>());
        Assert.Equal(["C", "B", "A"], titles);

        await (await client.PutAsJsonAsync("/v1/portfolio/projects/order", new { ids = new[] { b, a } })).AssertProblemAsync(HttpStatusCode.BadRequest);
        var other = await SignedInAsync();
        var foreign = (await CreateAsync(other, new { title = "D", stack = "data" }))["id"]!.GetValue<string>();
        await (await client.PutAsJsonAsync("/v1/portfolio/projects/order", new { ids = new[] { b, a, foreign } })).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ViewsAndLikes_DoNotCountTheOwnerBotsOrRepeats()
    {
        var owner = await SignedInAsync();
        var id = (await CreateAsync(owner, new { title = "Contado", stack = "iot" }))["id"]!.GetValue<string>();
        var path = $"/v1/portfolio/projects/{id}";

        await Visit(owner, path);
        var visitor = app.CreateClient();
        await Visit(visitor, path);
        await Visit(visitor, path);
        var bot = app.CreateClient();
        bot.DefaultRequestHeaders.UserAgent.ParseAdd("Googlebot/2.1 (+http://www.google.com/bot.html)");
        Assert.Equal(HttpStatusCode.OK, (await bot.GetAsync(path)).StatusCode);
        var fan = await SignedInAsync();
        await Visit(fan, path);
        await Visit(fan, path);
        Assert.Equal(2, (await (await owner.GetAsync(path)).ReadJsonAsync())["views"]!.GetValue<int>());

        await (await owner.PostAsync(path + "/like", null)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(1, (await (await fan.PostAsync(path + "/like", null)).ReadJsonAsync())["likes"]!.GetValue<int>());
        Assert.Equal(1, (await (await fan.PostAsync(path + "/like", null)).ReadJsonAsync())["likes"]!.GetValue<int>());
        Assert.Equal(2, (await (await (await SignedInAsync()).PostAsync(path + "/like", null)).ReadJsonAsync())["likes"]!.GetValue<int>());
        Assert.Equal(1, (await (await fan.DeleteAsync(path + "/like")).ReadJsonAsync())["likes"]!.GetValue<int>());
        await (await app.CreateClient().PostAsync(path + "/like", null)).AssertProblemAsync(HttpStatusCode.Unauthorized);

        static async Task Visit(HttpClient client, string path)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.UserAgent.ParseAdd(Browser);
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
        }
    }

    [Fact]
    public async Task FromSubmission_PassedOnly_OwnOnly_Idempotent_AndTheSignedRecordDetectsTampering()
    {
        var client = await SignedInAsync();
        var me = await (await client.GetAsync("/v1/me")).ReadJsonAsync();
        var userId = Guid.Parse(me["id"]!.GetValue<string>());
        var challengeId = await SubmissionScenario.ChallengeIdAsync(client);
        var passed = await InsertSubmissionAsync(userId, challengeId, SubmissionStatus.Passed, 1);
        var failed = await InsertSubmissionAsync(userId, challengeId, SubmissionStatus.Failed, 2);

        var notPassed = await client.PostAsync($"/v1/portfolio/projects/from-submission/{failed}", null);
        Assert.Contains("aprovada", (await notPassed.AssertProblemAsync(HttpStatusCode.UnprocessableEntity))["detail"]!.GetValue<string>());
        var stranger = await SignedInAsync();
        await (await stranger.PostAsync($"/v1/portfolio/projects/from-submission/{passed}", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostAsync($"/v1/portfolio/projects/from-submission/{Guid.NewGuid()}", null)).AssertProblemAsync(HttpStatusCode.NotFound);

        var created = await client.PostAsync($"/v1/portfolio/projects/from-submission/{passed}", null);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var project = await created.ReadJsonAsync();
        var verification = project["verification"]!;
        Assert.Equal(SubmissionScenario.Challenge.Slug, verification["challengeSlug"]!.GetValue<string>());
        Assert.Equal("python", verification["language"]!.GetValue<string>());
        Assert.Equal(7, verification["testsPassed"]!.GetValue<int>());
        Assert.Equal(7, verification["testsTotal"]!.GetValue<int>());
        var again = await client.PostAsync($"/v1/portfolio/projects/from-submission/{passed}", null);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(project["id"]!.GetValue<string>(), (await again.ReadJsonAsync())["id"]!.GetValue<string>());
        Assert.Single((await (await client.GetAsync("/v1/portfolio/projects")).ReadJsonAsync()).AsArray());

        var anonymous = app.CreateClient();
        var record = await (await anonymous.GetAsync(verification["url"]!.GetValue<string>())).ReadJsonAsync();
        Assert.Null(record["code"]);
        var keys = await (await anonymous.GetAsync(record["keysUrl"]!.GetValue<string>())).ReadJsonAsync();
        var jwk = keys["keys"]!.AsArray().Single(k => k!["kid"]!.GetValue<string>() == record["kid"]!.GetValue<string>())!;
        using var key = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = Base64Url(jwk["x"]!.GetValue<string>()), Y = Base64Url(jwk["y"]!.GetValue<string>()) },
        });
        var payload = record["payload"]!.GetValue<string>();
        var signature = Base64Url(record["signature"]!.GetValue<string>());
        Assert.True(Verify(key, payload, signature));
        Assert.Equal(7, record["record"]!["testsPassed"]!.GetValue<int>());
        Assert.Equal(passed.ToString(), record["record"]!["submissionId"]!.GetValue<string>());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(SubmissionScenario.PythonSolution))), record["record"]!["codeSha256"]!.GetValue<string>());

        Assert.False(Verify(key, payload.Replace("\"testsPassed\":7", "\"testsPassed\":8", StringComparison.Ordinal), signature));
        Assert.False(Verify(key, payload.Replace("\"language\":\"python\"", "\"language\":\"java\"", StringComparison.Ordinal), signature));

        var id = project["id"]!.GetValue<string>();
        var shown = await client.PutAsJsonAsync($"/v1/portfolio/projects/{id}", new { title = project["title"]!.GetValue<string>(), stack = project["stack"]!.GetValue<string>(), showCode = true });
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        var withCode = await (await anonymous.GetAsync(verification["url"]!.GetValue<string>())).ReadJsonAsync();
        Assert.Equal(SubmissionScenario.PythonSolution, withCode["code"]!.GetValue<string>());
        Assert.Equal(payload, withCode["payload"]!.GetValue<string>());

        static bool Verify(ECDsa key, string payload, byte[] signature) =>
            key.VerifyData(Encoding.UTF8.GetBytes(payload), signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    [Fact]
    public async Task PrivateProfile_HidesItsProjectsLikesAndVerificationsFromOthers()
    {
        var client = await SignedInAsync();
        var userId = Guid.Parse((await (await client.GetAsync("/v1/me")).ReadJsonAsync())["id"]!.GetValue<string>());
        var submission = await InsertSubmissionAsync(userId, await SubmissionScenario.ChallengeIdAsync(client), SubmissionStatus.Passed, 1);
        var project = await (await client.PostAsync($"/v1/portfolio/projects/from-submission/{submission}", null)).ReadJsonAsync();
        var path = $"/v1/portfolio/projects/{project["id"]}";
        var verification = project["verification"]!["url"]!.GetValue<string>();
        var other = await SignedInAsync();
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync(verification)).StatusCode);

        var privately = await client.PutAsJsonAsync("/v1/me/profile", new { visibility = "private" });
        Assert.True(privately.IsSuccessStatusCode, await privately.Content.ReadAsStringAsync());

        await (await other.GetAsync(path)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await app.CreateClient().GetAsync(path)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.PostAsync(path + "/like", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await app.CreateClient().GetAsync(verification)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(verification)).StatusCode);
    }

    [Fact]
    public async Task PublicProfile_ShowsProjectsFeaturedFirstThenInTheOwnersOrder_WithTheirVerification()
    {
        var client = app.CreateClient();
        var user = await client.RegisterAsync();
        client.Authorized(user.AccessToken);
        await CreateAsync(client, new { title = "Primeiro", stack = "backend" });
        await CreateAsync(client, new { title = "Segundo", stack = "backend" });
        var submission = await InsertSubmissionAsync(user.Id, await SubmissionScenario.ChallengeIdAsync(client), SubmissionStatus.Passed, 1);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync($"/v1/portfolio/projects/from-submission/{submission}", null)).StatusCode);
        var featured = await CreateAsync(client, new { title = "Destaque", stack = "frontend", featured = true });

        var profile = await (await app.CreateClient().GetAsync($"/v1/portfolio/{user.Username}")).ReadJsonAsync();

        var projects = profile["projects"]!.AsArray();
        Assert.Equal(["Destaque", "Primeiro", "Segundo", SubmissionScenario.Challenge.Title], projects.Select(p => p!["title"]!.GetValue<string>()));
        Assert.Equal(featured["id"]!.GetValue<string>(), projects[0]!["id"]!.GetValue<string>());
        Assert.Null(projects[0]!["verification"]);
        Assert.StartsWith("/v1/portfolio/verifications/", projects[3]!["verification"]!["url"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    async Task<HttpClient> SignedInAsync()
    {
        var client = app.CreateClient();
        var user = await client.RegisterAsync();
        return client.Authorized(user.AccessToken);
    }

    static async Task<JsonNode> CreateAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/v1/portfolio/projects", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    async Task<Guid> InsertSubmissionAsync(Guid userId, Guid challengeId, SubmissionStatus status, int attempt)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CompilaDb>();
        var passed = status == SubmissionStatus.Passed ? 7 : 2;
        var submission = new Submission
        {
            UserId = userId,
            ChallengeId = challengeId,
            Language = "python",
            Code = SubmissionScenario.PythonSolution,
            Status = status,
            Score = passed * 100 / 7,
            AttemptNumber = attempt,
            TestResults = $$"""{"status":"{{(passed == 7 ? "pass" : "fail")}}","passed":{{passed}},"total":7,"score":{{passed * 100 / 7}},"tests":[]}""",
            JudgedAt = DateTimeOffset.UtcNow,
        };
        db.Add(submission);
        await db.SaveChangesAsync();
        return submission.Id;
    }

    static MultipartFormDataContent ImageForm(byte[] bytes, string fileName, string contentType)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    static byte[] Png(int width, int height) => Encode(width, height, SKEncodedImageFormat.Png);

    static byte[] Jpeg(int width, int height) => Encode(width, height, SKEncodedImageFormat.Jpeg);

    static byte[] Encode(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(30, 120, 200));
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>Inserts an APP1 Exif segment (a TIFF with a GPS IFD naming a latitude) right after the JPEG's SOI marker.</summary>
    static byte[] WithExifGps(byte[] jpeg)
    {
        var tiff = new List<byte>();
        tiff.AddRange("II"u8.ToArray());
        tiff.AddRange([0x2A, 0x00, 0x08, 0x00, 0x00, 0x00]);
        // IFD0 at 8: one entry, GPSInfo (0x8825, LONG) pointing at the GPS IFD at 26.
        tiff.AddRange([0x01, 0x00, 0x25, 0x88, 0x04, 0x00, 0x01, 0x00, 0x00, 0x00, 0x1A, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]);
        // GPS IFD at 26: GPSLatitudeRef 'S', GPSProcessingMethod (UNDEFINED, 8 bytes at 56) "GPS-MARK".
        tiff.AddRange([0x02, 0x00,
            0x01, 0x00, 0x02, 0x00, 0x02, 0x00, 0x00, 0x00, (byte)'S', 0x00, 0x00, 0x00,
            0x1B, 0x00, 0x07, 0x00, 0x08, 0x00, 0x00, 0x00, 0x38, 0x00, 0x00, 0x00,
            0x00, 0x00, 0x00, 0x00]);
        tiff.AddRange("GPS-MARK"u8.ToArray());
        byte[] body = [.. "Exif\0\0"u8.ToArray(), .. tiff];
        var length = body.Length + 2;
        byte[] segment = [0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. body];
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }

    static bool HasExif(byte[] bytes) => IndexOf(bytes, "Exif\0\0"u8.ToArray()) >= 0;

    static int IndexOf(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);

    static byte[] Base64Url(string value) => Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(value);
}
