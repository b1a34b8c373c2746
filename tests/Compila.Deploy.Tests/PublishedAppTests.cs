using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace Compila.Deploy.Tests;

/// <summary>
/// `dotnet publish` gives an app that runs from anywhere: published once to a temp folder, started from another
/// working directory with its own data folder, it serves the SPA and judges TypeScript with the bundled compiler.
/// </summary>
public sealed class PublishedAppTests
{
    [Fact]
    public async Task ThePublishedApp_StartedFromAnotherFolder_ServesTheSpaAndJudgesTypeScript()
    {
        var output = Directory.CreateTempSubdirectory("compila-publish-").FullName;
        var elsewhere = Directory.CreateTempSubdirectory("compila-run-").FullName;
        try
        {
            var publish = await Repository.RunAsync("dotnet", ["publish", "src/Compila.Web", "-c", "Release", "-o", output, "-nologo", "-v", "quiet"]);
            Assert.True(publish.ExitCode == 0, publish.Output);
            Assert.True(File.Exists(Path.Combine(output, "wwwroot", "index.html")), "the SPA is not in the publish output");
            Assert.True(File.Exists(Path.Combine(output, "tools", "judge", "node_modules", "typescript", "package.json")), "the TypeScript compiler is not in the publish output");
            Assert.True(Directory.Exists(Path.Combine(output, "content", "challenges")), "content/ is not in the publish output");

            var port = FreePort();
            using var app = new RunningApp(Start(output, elsewhere, port));
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var ready = await WaitReadyAsync(http, app.Process);
            Assert.Contains("typescript", ready["checks"]!["judge"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.DoesNotContain("unavailable", ready["checks"]!["judge"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);

            var index = await http.GetAsync("/");
            Assert.Equal(HttpStatusCode.OK, index.StatusCode);
            Assert.Contains("<div id=\"root\">", await index.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            var register = await http.PostAsJsonAsync("/v1/auth/register", new { username = "publicado", email = "publicado@example.com", password = "Cafezinho-Com-Pao-De-Queijo-42" });
            Assert.Equal(HttpStatusCode.Created, register.StatusCode);
            var token = (await register.Content.ReadFromJsonAsync<JsonNode>())!["accessToken"]!.GetValue<string>();
            using var execute = new HttpRequestMessage(HttpMethod.Post, "/v1/code/execute")
            {
                Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) },
                Content = JsonContent.Create(new
                {
                    language = "typescript",
                    code = "const reversed: string = require('fs').readFileSync(0, 'utf8').trim().split('').reverse().join('');\nconsole.log(reversed);",
                    stdin = "oi, mundo",
                }),
            };
            var run = await http.SendAsync(execute);
            var body = (await run.Content.ReadFromJsonAsync<JsonNode>())!;

            Assert.Equal(HttpStatusCode.OK, run.StatusCode);
            Assert.Equal("accepted", body["status"]!.GetValue<string>());
            Assert.Equal("odnum ,io", body["output"]!.GetValue<string>().Trim());
        }
        finally
        {
            Directory.Delete(output, recursive: true);
            Directory.Delete(elsewhere, recursive: true);
        }
    }

    static Process Start(string output, string workingDirectory, int port)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(output, "Compila.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Compila__DataDir"] = Path.Combine(workingDirectory, "data");
        // Keyword search only: embedding the knowledge base is measured elsewhere and costs a minute of CPU.
        start.Environment["Compila__Knowledge__VectorBackend"] = "None";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    static async Task<JsonNode> WaitReadyAsync(HttpClient http, Process app)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(app.HasExited, $"the published app exited with {(app.HasExited ? app.ExitCode : 0)}");
            try
            {
                var response = await http.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return (await response.Content.ReadFromJsonAsync<JsonNode>())!;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(500);
        }

        throw new TimeoutException("the published app never became ready");
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Kills the app (and its sandboxes) when the test is done with it, pass or fail.</summary>
    sealed class RunningApp(Process process) : IDisposable
    {
        public Process Process { get; } = process;

        public void Dispose()
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
                Process.WaitForExit();
            }

            Process.Dispose();
        }
    }
}
