using System.Text.Json;
using System.Text.Json.Serialization;
using Compila.Judge;
using Microsoft.Extensions.Options;

// compila-judge: run code through the judge from a shell.
//   compila-judge languages
//   compila-judge sandbox
//   compila-judge run --lang python main.py [more files] [--stdin TEXT | --stdin-file PATH] [--cpu S] [--wall S] [--memory MB] [-- args...]
//   compila-judge argv --lang python          (the exact outer argv of a run step, bubblewrap included)
var json = new JsonSerializerOptions
{
    WriteIndented = true,
    Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
};

if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.Error.WriteLine("usage: compila-judge languages | sandbox | argv --lang L | run --lang L FILE... [--stdin TEXT|--stdin-file PATH] [--cpu S] [--wall S] [--memory MB] [-- ARGS...]");
    return 2;
}

var options = new JudgeOptions();
if (Environment.GetEnvironmentVariable("COMPILA_JUDGE_TOOLS") is { Length: > 0 } tools)
{
    options.ToolsDirectory = tools;
}

using var judge = new BubblewrapJudge(Options.Create(options));
switch (args[0])
{
    case "languages":
        foreach (var l in judge.Languages)
        {
            Console.WriteLine($"{l.Id,-11} {(l.Available ? "available  " : "unavailable")} {l.Version} {l.UnavailableReason}");
        }

        return 0;
    case "sandbox":
        Console.WriteLine(JsonSerializer.Serialize(judge.Sandbox, json));
        return judge.Sandbox.Available ? 0 : 1;
    case "argv":
        Console.WriteLine(string.Join(' ', judge.DescribeRunCommand(Value(args, "--lang") ?? "python", "/HOST/WORK/DIR")
            .Select(a => a.Contains(' ', StringComparison.Ordinal) || a.Length == 0 ? $"'{a}'" : a)));
        return 0;
    case "run":
        var language = Value(args, "--lang") ?? throw new ArgumentException("--lang is required");
        var stdin = Value(args, "--stdin") ?? (Value(args, "--stdin-file") is { } f ? File.ReadAllText(f) : null);
        var separator = Array.IndexOf(args, "--");
        var programArgs = separator >= 0 ? args[(separator + 1)..] : [];
        var files = Positional(separator >= 0 ? args[1..separator] : args[1..])
            .Select(p => new SourceFile(Path.GetFileName(p), File.ReadAllText(p))).ToList();
        var limits = new RunLimits
        {
            CpuTimeSeconds = Value(args, "--cpu") is { } cpu ? double.Parse(cpu, System.Globalization.CultureInfo.InvariantCulture) : null,
            WallTimeSeconds = Value(args, "--wall") is { } wall ? double.Parse(wall, System.Globalization.CultureInfo.InvariantCulture) : null,
            MemoryMegabytes = Value(args, "--memory") is { } mem ? int.Parse(mem, System.Globalization.CultureInfo.InvariantCulture) : null,
        };
        var result = await judge.RunAsync(new RunRequest(language, files, stdin, programArgs, limits));
        Console.WriteLine(JsonSerializer.Serialize(result, json));
        return result.Status == RunStatus.Accepted ? 0 : 1;
    default:
        Console.Error.WriteLine($"unknown command '{args[0]}'");
        return 2;
}

static string? Value(string[] args, string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

static IEnumerable<string> Positional(string[] args)
{
    for (var i = 0; i < args.Length; i++)
    {
        if (args[i].StartsWith("--", StringComparison.Ordinal))
        {
            i++;
            continue;
        }

        yield return args[i];
    }
}
