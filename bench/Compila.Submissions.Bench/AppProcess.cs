using System.Diagnostics;

namespace Compila.Submissions.Bench;

/// <summary>One instance of the real host (Compila.Web.dll) in its own process, killable like a crashed server.</summary>
internal sealed class AppProcess(string dll, string role, int port, IReadOnlyDictionary<string, string> environment, string logFile) : IDisposable
{
    Process? process;

    public string BaseUrl => $"http://127.0.0.1:{port}";

    /// <summary>host:port, as a proxy or Prometheus names it.</summary>
    public string Target => $"127.0.0.1:{port}";

    public void Start()
    {
        var info = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["ASPNETCORE_URLS"] = BaseUrl;
        info.Environment["Compila__Role"] = role;
        info.Environment["DOTNET_gcServer"] = "0";
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
    }

    public async Task WaitReadyAsync(HttpClient http)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
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

            if (process is { HasExited: true })
            {
                throw new InvalidOperationException($"{role} exited with {process.ExitCode}; see {logFile}");
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"{role} did not start; see {logFile}");
    }

    /// <summary>SIGKILL: no graceful shutdown, exactly like a crash.</summary>
    public void Kill()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        process?.Dispose();
    }
}
