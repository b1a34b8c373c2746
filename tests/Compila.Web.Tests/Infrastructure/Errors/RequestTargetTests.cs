using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Compila.Web.Tests.Infrastructure;

namespace Compila.Web.Tests.Infrastructure.Errors;

/// <summary>The app on real Kestrel: a NUL in a request target is refused by the server before the pipeline runs.</summary>
public sealed class KestrelApp : CompilaApp
{
    public KestrelApp()
    {
        UseKestrel(0);
        StartServer();
    }

    public Uri Address => ClientOptions.BaseAddress;
}

public sealed class RequestTargetTests(KestrelApp app) : IClassFixture<KestrelApp>
{
    [Theory]
    [InlineData("/v1/challenges/%00")]
    [InlineData("/%00")]
    [InlineData("/v1/%00/submissions")]
    [InlineData("/challenges/a%00b")]
    public async Task NulInThePath_GetsA400Problem(string target)
    {
        var (head, body) = await SendAsync($"GET {target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 400", head, StringComparison.Ordinal);
        Assert.Contains("application/problem+json", head, StringComparison.OrdinalIgnoreCase);
        var problem = JsonNode.Parse(body)!;
        Assert.Equal(400, problem["status"]!.GetValue<int>());
        Assert.Equal("O endereço da requisição contém caracteres inválidos.", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task NulInThePath_OfTheSecondRequestOnAConnection_GetsA400ProblemToo()
    {
        var (head, body) = await SendAsync(
            "GET /health/live HTTP/1.1\r\nHost: localhost\r\n\r\n" +
            "GET /v1/challenges/%00 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        Assert.Contains("HTTP/1.1 400", head, StringComparison.Ordinal);
        Assert.Contains("caracteres inválidos", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PercentZeroZeroInABody_ReachesTheHandlerUnchanged()
    {
        var json = """{"login":"GET /%00 HTTP/1.1","password":"%00%00"}""";
        var request = $"POST /v1/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: {Encoding.UTF8.GetByteCount(json)}\r\nConnection: close\r\n\r\n{json}";

        var (head, body) = await SendAsync(request);

        // The login is unknown: a 401, not a 400 from a rewritten body.
        Assert.StartsWith("HTTP/1.1 401", head, StringComparison.Ordinal);
        Assert.Contains("Não foi possível entrar.", body, StringComparison.Ordinal);
    }

    async Task<(string Head, string Body)> SendAsync(string request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(app.Address.Host, app.Address.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));
        // The last response on the connection: its status line, headers, and its JSON (chunked or not).
        var last = response.LastIndexOf("HTTP/1.1 ", StringComparison.Ordinal);
        var split = response.IndexOf("\r\n\r\n", last, StringComparison.Ordinal);
        var head = response[..split];
        var rest = response[(split + 4)..];
        var start = rest.IndexOf('{', StringComparison.Ordinal);
        var end = rest.LastIndexOf('}');
        var body = start >= 0 && end > start ? rest[start..(end + 1)] : rest;
        return (head, body);
    }
}
