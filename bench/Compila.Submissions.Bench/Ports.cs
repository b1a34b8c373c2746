using System.Net;
using System.Net.Sockets;

namespace Compila.Submissions.Bench;

internal static class Ports
{
    /// <summary>A port nothing listens on now (the OS's choice).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
