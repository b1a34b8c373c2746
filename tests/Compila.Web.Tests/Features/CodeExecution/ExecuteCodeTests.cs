using System.Net;
using System.Net.Http.Json;
using Compila.Web.Tests.Infrastructure;

namespace Compila.Web.Tests.Features.CodeExecution;

public sealed class ExecuteCodeTests(CompilaApp app) : IClassFixture<CompilaApp>
{
    async Task<HttpClient> SignedInAsync()
    {
        var client = app.CreateClient();
        var user = await client.RegisterAsync();
        return client.Authorized(user.AccessToken);
    }

    [Fact]
    public async Task Execute_Python_ReturnsOutputInTheSpecShape()
    {
        var client = await SignedInAsync();

        var response = await client.PostAsJsonAsync("/v1/code/execute", new
        {
            language = "python",
            code = "nome = input()\nprint(f'Olá, {nome}! ✓')",
            stdin = "Joana\n",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal("accepted", body["status"]!.GetValue<string>());
        Assert.Equal("Olá, Joana! ✓\n", body["output"]!.GetValue<string>());
        Assert.Equal(0, body["exit_code"]!.GetValue<int>());
        Assert.True(Guid.TryParse(body["run_id"]!.GetValue<string>(), out _));
        Assert.True(body["execution_time"]!.GetValue<double>() > 0);
    }

    [Fact]
    public async Task Execute_CompileError_ReturnsCompilerMessage()
    {
        var client = await SignedInAsync();

        var response = await client.PostAsJsonAsync("/v1/code/execute", new
        {
            language = "java",
            code = "public class Main { public static void main(String[] a) { int x = \"texto\"; } }",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal("compilation_error", body["status"]!.GetValue<string>());
        Assert.Contains("Main.java", body["compile_output"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_InfiniteLoop_Answers408WithRunIdAndPartialOutput()
    {
        var client = await SignedInAsync();

        var response = await client.PostAsJsonAsync("/v1/code/execute", new
        {
            language = "python",
            code = "print('comecei', flush=True)\nwhile True:\n    pass",
            timeout = 1.5,
        });

        var problem = await response.AssertProblemAsync(HttpStatusCode.RequestTimeout);
        Assert.True(Guid.TryParse(problem["run_id"]!.GetValue<string>(), out _));
        Assert.Contains("comecei", problem["output"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_UnknownLanguage_Returns400ListingTheSupportedOnes()
    {
        var client = await SignedInAsync();

        var response = await client.PostAsJsonAsync("/v1/code/execute", new { language = "cobol", code = "DISPLAY 'OI'." });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var message = problem["errors"]!["language"]![0]!.GetValue<string>();
        foreach (var language in new[] { "python", "javascript", "typescript", "java", "go", "csharp" })
        {
            Assert.Contains(language, message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData(".bashrc")]
    [InlineData("a\\b.py")]
    public async Task Execute_WithAnUnsafeFilePath_Returns400(string path)
    {
        var client = await SignedInAsync();

        var response = await client.PostAsJsonAsync("/v1/code/execute", new { language = "python", files = new[] { new { path, content = "print(1)" } } });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("""{"language":"python","files":[null]}""", "files[0]")]
    [InlineData("""{"language":"python","files":[{"path":"main.py","content":"print(1)"},null]}""", "files[1]")]
    public async Task Execute_WithANullFile_Returns400NamingIt(string body, string field)
    {
        var client = await SignedInAsync();

        var response = await client.PostAsync("/v1/code/execute", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]![field]);
    }

    [Fact]
    public async Task Execute_TimeoutAboveTheMaximum_Returns400()
    {
        var client = await SignedInAsync();

        var response = await client.PostAsJsonAsync("/v1/code/execute", new { language = "python", code = "print(1)", timeout = 999 });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Execute_Anonymous_Returns401()
    {
        var response = await app.CreateClient().PostAsJsonAsync("/v1/code/execute", new { language = "python", code = "print(1)" });

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Languages_ListsSixAvailableLanguagesWithVersions()
    {
        var response = await app.CreateClient().GetAsync("/v1/code/languages");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var languages = (await response.ReadJsonAsync()).AsArray();
        Assert.Equal(["csharp", "go", "java", "javascript", "python", "typescript"], languages.Select(l => l!["id"]!.GetValue<string>()).Order().ToArray());
        Assert.All(languages, l => Assert.True(l!["available"]!.GetValue<bool>(), l.ToJsonString()));
        Assert.All(languages, l => Assert.False(string.IsNullOrWhiteSpace(l!["version"]!.GetValue<string>())));
    }

    [Fact]
    public async Task Ready_ReportsTheSandbox()
    {
        var body = await (await app.CreateClient().GetAsync("/health/ready")).ReadJsonAsync();

        Assert.Equal("healthy", body["checks"]!["judge"]!["status"]!.GetValue<string>());
    }
}
