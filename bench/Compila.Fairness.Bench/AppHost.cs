using System.Diagnostics;

namespace Compila.Fairness.Bench;

/// <summary>The real host (Compila.Web.dll, Release) in its own process, on a fresh data folder.</summary>
internal sealed class AppHost(string dll, int port, IReadOnlyDictionary<string, string> environment, string logFile) : IDisposable
{
    Process? process;

    public string BaseUrl => $"http://127.0.0.1:{port}";

    public async Task StartAsync(HttpClient http)
    {
        var info = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["ASPNETCORE_URLS"] = BaseUrl;
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        process = Process.Start(info)!;
        var log = new StreamWriter(logFile, append: true) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if ((await http.GetAsync($"{BaseUrl}/health/live")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            if (process.HasExited)
            {
                throw new InvalidOperationException($"the host exited with {process.ExitCode}; see {logFile}");
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"the host did not start; see {logFile}");
    }

    public void Dispose()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process?.Dispose();
        process = null;
    }
}
