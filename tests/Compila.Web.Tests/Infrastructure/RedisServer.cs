using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Compila.Web.Tests.Infrastructure;

/// <summary>
/// A real Redis for the tests: <c>COMPILA_TEST_REDIS</c> when set, else a private redis-server started on a free port.
/// </summary>
public sealed class RedisServer : IDisposable
{
    readonly Process? process;

    public RedisServer()
    {
        var configured = Environment.GetEnvironmentVariable("COMPILA_TEST_REDIS");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            ConnectionString = configured;
            return;
        }

        var binary = new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("redis-server is not installed: run 'bash scripts/test.sh' (it installs it) or set COMPILA_TEST_REDIS.");
        var port = FreePort();
        process = Process.Start(new ProcessStartInfo(binary, ["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        ConnectionString = $"127.0.0.1:{port}";
        WaitUntilListening(port);
    }

    public string ConnectionString { get; }

    public void Dispose()
    {
        if (process is { HasExited: false })
        {
            process.Kill();
            process.WaitForExit();
        }

        process?.Dispose();
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    static void WaitUntilListening(int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }

        throw new InvalidOperationException($"redis-server did not listen on port {port}.");
    }
}
