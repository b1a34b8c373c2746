using System.Diagnostics;
using System.Net.Sockets;

var mode = args[0];
var token = args.Length > 1 ? args[1] : "";
switch (mode)
{
    case "hello":
        Console.WriteLine("Olá, ação ✓");
        break;
    case "echo":
        Console.WriteLine("echo:" + Console.In.ReadToEnd().ToUpperInvariant());
        break;
    case "exit3":
        Environment.Exit(3);
        break;
    case "throw":
        throw new InvalidOperationException("boom");
    case "loop":
        while (true)
        {
        }
    case "hog":
        {
            var hog = new List<byte[]>();
            while (true)
            {
                var block = new byte[1 << 20];
                Array.Fill(block, (byte)1);
                hog.Add(block);
            }
        }
    case "fork":
        while (true)
        {
            try
            {
                Process.Start(Sleeper(token));
            }
            catch (Exception)
            {
                Thread.SpinWait(10);
            }
        }
    case "threads":
        {
            var n = 0;
            try
            {
                while (true)
                {
                    new Thread(() => Thread.Sleep(30000)) { IsBackground = true }.Start();
                    n++;
                }
            }
            catch (Exception)
            {
                Console.WriteLine($"threads {n}");
                Environment.Exit(4);
            }
            break;
        }
    case "output":
        {
            var chunk = new string('x', 1 << 20) + "\n";
            var output = Console.Out;
            for (var i = 0; i < 100; i++)
            {
                output.Write(chunk);
            }
            output.Flush();
            break;
        }
    case "bigfile":
        using (var f = File.Create("/tmp/big"))
        {
            var block = new byte[1 << 20];
            for (var i = 0; i < 1024; i++)
            {
                f.Write(block);
            }
        }
        Console.WriteLine("wrote 1 GB");
        break;
    case "net":
        foreach (var (host, port) in new[] { ("127.0.0.1", int.Parse(args[2])), ("192.0.2.1", 80) })
        {
            try
            {
                using var client = new TcpClient();
                var connected = client.ConnectAsync(host, port).Wait(2000) && client.Connected;
                Console.WriteLine(connected ? $"connected {host}" : $"failed {host} timeout");
            }
            catch (Exception e)
            {
                Console.WriteLine($"failed {host} {e.GetBaseException().Message}");
            }
        }
        break;
    case "secrets":
        foreach (var p in args.Skip(2))
        {
            Console.WriteLine($"{p} {(File.Exists(p) || Directory.Exists(p) ? "visible" : "missing")}");
        }
        foreach (System.Collections.DictionaryEntry e in Environment.GetEnvironmentVariables())
        {
            Console.WriteLine($"env {e.Key}={e.Value}");
        }
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            var name = Path.GetFileName(dir);
            if (name.All(char.IsDigit))
            {
                try
                {
                    Console.WriteLine($"environ {name} {File.ReadAllText(dir + "/environ")}");
                }
                catch (Exception e)
                {
                    Console.WriteLine($"environ {name} {e.GetType().Name}");
                }
            }
        }
        break;
    case "background":
        {
            Process.Start(Sleeper(token));
            Console.WriteLine("spawned");
            break;
        }
    case "sleep":
        Thread.Sleep(1_000_000);
        break;
    case "tmpwrite":
        File.WriteAllText("/tmp/" + token, "x");
        File.WriteAllText("/dev/shm/" + token, "x");
        Console.WriteLine("written");
        break;
    case "tmpcheck":
        Console.WriteLine($"tmp={(File.Exists("/tmp/" + token) ? "true" : "false")} shm={(File.Exists("/dev/shm/" + token) ? "true" : "false")}");
        break;
    case "plant":
        foreach (var d in new[] { "/box", "/tmp" })
        {
            try
            {
                File.CreateSymbolicLink(d + "/planted", args[2]);
                Console.WriteLine($"planted {d}");
            }
            catch (Exception)
            {
                Console.WriteLine($"refused {d}");
            }
        }
        break;
}

// The sandbox has no shell: a child is this very program, sleeping.
static ProcessStartInfo Sleeper(string token)
{
    var psi = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
    psi.ArgumentList.Add(System.Reflection.Assembly.GetEntryAssembly()!.Location);
    psi.ArgumentList.Add("sleep");
    psi.ArgumentList.Add(token);
    return psi;
}
