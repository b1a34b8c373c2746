using System.Net;
using System.Text;
using Compila.Web.Tests.Infrastructure;

namespace Compila.Web.Tests.Infrastructure.Errors;

public sealed class HostileInputTests(CompilaApp app) : IClassFixture<CompilaApp>
{
    static readonly string Megabyte = new('a', 1024 * 1024);

    public static TheoryData<string, string, string, string> Inputs => new()
    {
        // name, path, content type, body
        { "empty body", "/v1/auth/register", "application/json", "" },
        { "truncated json", "/v1/auth/register", "application/json", "{\"username\":" },
        { "json array", "/v1/auth/register", "application/json", "[1,2,3]" },
        { "json string", "/v1/auth/login", "application/json", "\"login\"" },
        { "json null", "/v1/auth/login", "application/json", "null" },
        { "number as username", "/v1/auth/register", "application/json", "{\"username\":123,\"email\":\"a@b.co\",\"password\":\"x\"}" },
        { "object as password", "/v1/auth/login", "application/json", "{\"login\":\"a\",\"password\":{\"$gt\":\"\"}}" },
        { "array as login", "/v1/auth/login", "application/json", "{\"login\":[\"a\"],\"password\":\"b\"}" },
        { "bool as email", "/v1/auth/register", "application/json", "{\"username\":\"abc\",\"email\":true,\"password\":\"x\"}" },
        { "trailing garbage", "/v1/auth/login", "application/json", "{\"login\":\"a\",\"password\":\"b\"} garbage" },
        { "single quotes", "/v1/auth/login", "application/json", "{'login':'a','password':'b'}" },
        { "deep nesting", "/v1/auth/login", "application/json", new string('[', 5000) + new string(']', 5000) },
        { "invalid utf8", "/v1/auth/login", "application/json", "{\"login\":\"\udc00\",\"password\":\"b\"}" },
        { "1 MB username", "/v1/auth/register", "application/json", $"{{\"username\":\"{Megabyte}\",\"email\":\"a@b.co\",\"password\":\"x\"}}" },
        { "1 MB password", "/v1/auth/login", "application/json", $"{{\"login\":\"abc\",\"password\":\"{Megabyte}\"}}" },
        { "null byte in username", "/v1/auth/register", "application/json", "{\"username\":\"abc\\u0000def\",\"email\":\"a@b.co\",\"password\":\"Cafezinho-123-abc\"}" },
        { "null byte in email", "/v1/auth/register", "application/json", "{\"username\":\"abcdef\",\"email\":\"a\\u0000@b.co\",\"password\":\"Cafezinho-123-abc\"}" },
        { "null byte in password", "/v1/auth/register", "application/json", "{\"username\":\"abcdefg\",\"email\":\"nb@b.co\",\"password\":\"Cafezinho\\u0000123\"}" },
        { "emoji username", "/v1/auth/register", "application/json", "{\"username\":\"dev🚀\",\"email\":\"e@b.co\",\"password\":\"Cafezinho-123-abc\"}" },
        { "rtl override username", "/v1/auth/register", "application/json", "{\"username\":\"abc\\u202edef\",\"email\":\"r@b.co\",\"password\":\"Cafezinho-123-abc\"}" },
        { "sql in username", "/v1/auth/register", "application/json", "{\"username\":\"x' OR '1'='1\",\"email\":\"s@b.co\",\"password\":\"Cafezinho-123-abc\"}" },
        { "sql in login", "/v1/auth/login", "application/json", "{\"login\":\"' OR 1=1; DROP TABLE users; --\",\"password\":\"x\"}" },
        { "html in email", "/v1/auth/register", "application/json", "{\"username\":\"htmlguy\",\"email\":\"<script>alert(1)</script>@b.co\",\"password\":\"Cafezinho-123-abc\"}" },
        { "html in username", "/v1/auth/register", "application/json", "{\"username\":\"<b>oi</b>\",\"email\":\"h@b.co\",\"password\":\"Cafezinho-123-abc\"}" },
        { "email without domain", "/v1/auth/register", "application/json", "{\"username\":\"semdominio\",\"email\":\"fulano@\",\"password\":\"Cafezinho-123-abc\"}" },
        { "email with two ats", "/v1/auth/register", "application/json", "{\"username\":\"doisarrobas\",\"email\":\"a@b@c.co\",\"password\":\"Cafezinho-123-abc\"}" },
        { "text/plain body", "/v1/auth/login", "text/plain", "login=a&password=b" },
        { "form body", "/v1/auth/login", "application/x-www-form-urlencoded", "login=a&password=b" },
        { "xml body", "/v1/auth/register", "application/xml", "<user><username>abc</username></user>" },
        { "unknown refresh token", "/v1/auth/refresh", "application/json", "{\"refreshToken\":\"' OR 1=1 --\"}" },
        { "huge refresh token", "/v1/auth/refresh", "application/json", $"{{\"refreshToken\":\"{new string('x', 5000)}\"}}" },
        { "number as refresh token", "/v1/auth/refresh", "application/json", "{\"refreshToken\":42}" },
        { "missing refresh token", "/v1/auth/logout", "application/json", "{}" },
        { "all fields null", "/v1/auth/register", "application/json", "{\"username\":null,\"email\":null,\"password\":null}" },
        { "2 MB body", "/v1/auth/login", "application/json", $"{{\"login\":\"{Megabyte}{Megabyte}\",\"password\":\"x\"}}" },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task HostileInput_GetsA4xxProblem_NeverA500(string name, string path, string contentType, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);

        var response = await app.CreateClient().PostAsync(path, content);

        var status = (int)response.StatusCode;
        Assert.True(status is >= 400 and < 500, $"{name}: got {status}");
        await response.AssertProblemAsync(response.StatusCode);
    }

    [Fact]
    public async Task BodyOverTheLimit_Returns413()
    {
        using var content = new StringContent($"{{\"login\":\"{Megabyte}{Megabyte}\",\"password\":\"x\"}}", Encoding.UTF8, "application/json");

        var response = await app.CreateClient().PostAsync("/v1/auth/login", content);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task ChunkedBodyOverTheLimit_Returns413()
    {
        var bytes = Encoding.UTF8.GetBytes($"{{\"login\":\"{Megabyte}{Megabyte}\",\"password\":\"x\"}}");
        using var content = new StreamContent(new MemoryStream(bytes));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/auth/login") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await app.CreateClient().SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task WrongContentType_Returns415()
    {
        using var content = new StringContent("login=a", Encoding.UTF8, "text/plain");

        var response = await app.CreateClient().PostAsync("/v1/auth/login", content);

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task BrokenJson_ExplainsInPortuguese()
    {
        using var content = new StringContent("{\"login\":", Encoding.UTF8, "application/json");

        var response = await app.CreateClient().PostAsync("/v1/auth/login", content);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("JSON", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Requisição inválida.", problem["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task UnknownRoute_Returns404Problem()
    {
        var response = await app.CreateClient().GetAsync("/v1/nao-existe");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
