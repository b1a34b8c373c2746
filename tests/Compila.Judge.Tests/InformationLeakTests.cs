using System.Globalization;

namespace Compila.Judge.Tests;

/// <summary>What a sandboxed program can read about the host through /proc and the file system.</summary>
public sealed class InformationLeakTests(JudgeFixture fixture)
{
    private const string Separator = "\n=====\n";

    /// <summary>
    /// Each prints /proc/1/environ, /proc/1/cmdline, /proc/self/mountinfo, the entries of /usr/local, /etc and /usr/bin
    /// ("-" when absent), then 1 or 0 for each path of its standard input: whether it exists in the sandbox.
    /// </summary>
    public static TheoryData<string, string, string> Readers => new()
    {
        { "python", "main.py", """
            import os, sys
            def ls(d): return " ".join(sorted(os.listdir(d))) if os.path.isdir(d) else "-"
            parts = [open(p, "rb").read().decode() for p in ("/proc/1/environ", "/proc/1/cmdline", "/proc/self/mountinfo")]
            parts += [ls(d) for d in ("/usr/local", "/etc", "/usr/bin")]
            parts.append(" ".join("1" if os.path.exists(p) else "0" for p in sys.stdin.read().split()))
            print("\n=====\n".join(parts))
            """ },
        { "javascript", "main.js", """
            const fs = require("fs");
            const ls = d => fs.existsSync(d) ? fs.readdirSync(d).sort().join(" ") : "-";
            const parts = ["/proc/1/environ", "/proc/1/cmdline", "/proc/self/mountinfo"].map(p => fs.readFileSync(p, "latin1"));
            for (const d of ["/usr/local", "/etc", "/usr/bin"]) parts.push(ls(d));
            parts.push(fs.readFileSync(0, "utf8").split(/\s+/).filter(Boolean).map(p => fs.existsSync(p) ? "1" : "0").join(" "));
            console.log(parts.join("\n=====\n"));
            """ },
        { "typescript", "main.ts", """
            import * as fs from "fs";
            const ls = (d: string): string => fs.existsSync(d) ? fs.readdirSync(d).sort().join(" ") : "-";
            const parts: string[] = ["/proc/1/environ", "/proc/1/cmdline", "/proc/self/mountinfo"].map(p => fs.readFileSync(p, "latin1"));
            for (const d of ["/usr/local", "/etc", "/usr/bin"]) parts.push(ls(d));
            parts.push(fs.readFileSync(0, "utf8").split(/\s+/).filter(Boolean).map(p => fs.existsSync(p) ? "1" : "0").join(" "));
            console.log(parts.join("\n=====\n"));
            """ },
        { "java", "Main.java", """
            import java.nio.charset.StandardCharsets;
            import java.nio.file.*;
            import java.util.*;

            public class Main {
                static String ls(String d) {
                    String[] names = new java.io.File(d).list();
                    if (names == null) return "-";
                    Arrays.sort(names);
                    return String.join(" ", names);
                }

                public static void main(String[] args) throws Exception {
                    List<String> parts = new ArrayList<>();
                    for (String p : new String[] {"/proc/1/environ", "/proc/1/cmdline", "/proc/self/mountinfo"}) {
                        parts.add(new String(Files.readAllBytes(Path.of(p)), StandardCharsets.ISO_8859_1));
                    }
                    for (String d : new String[] {"/usr/local", "/etc", "/usr/bin"}) parts.add(ls(d));
                    List<String> flags = new ArrayList<>();
                    for (String p : new String(System.in.readAllBytes(), StandardCharsets.UTF_8).trim().split("\\s+")) {
                        flags.add(Files.exists(Path.of(p)) ? "1" : "0");
                    }
                    parts.add(String.join(" ", flags));
                    System.out.println(String.join("\n=====\n", parts));
                }
            }
            """ },
        { "go", "main.go", """
            package main

            import (
            	"fmt"
            	"io"
            	"os"
            	"sort"
            	"strings"
            )

            func ls(d string) string {
            	entries, err := os.ReadDir(d)
            	if err != nil {
            		return "-"
            	}
            	var names []string
            	for _, e := range entries {
            		names = append(names, e.Name())
            	}
            	sort.Strings(names)
            	return strings.Join(names, " ")
            }

            func main() {
            	var parts []string
            	for _, p := range []string{"/proc/1/environ", "/proc/1/cmdline", "/proc/self/mountinfo"} {
            		b, _ := os.ReadFile(p)
            		parts = append(parts, string(b))
            	}
            	for _, d := range []string{"/usr/local", "/etc", "/usr/bin"} {
            		parts = append(parts, ls(d))
            	}
            	in, _ := io.ReadAll(os.Stdin)
            	var flags []string
            	for _, p := range strings.Fields(string(in)) {
            		if _, err := os.Stat(p); err == nil {
            			flags = append(flags, "1")
            		} else {
            			flags = append(flags, "0")
            		}
            	}
            	parts = append(parts, strings.Join(flags, " "))
            	fmt.Println(strings.Join(parts, "\n=====\n"))
            }
            """ },
        { "csharp", "Program.cs", """
            static string Ls(string d) => Directory.Exists(d)
                ? string.Join(" ", Directory.GetFileSystemEntries(d).Select(Path.GetFileName).Order(StringComparer.Ordinal))
                : "-";

            var parts = new[] { "/proc/1/environ", "/proc/1/cmdline", "/proc/self/mountinfo" }.Select(File.ReadAllText).ToList();
            parts.AddRange(new[] { "/usr/local", "/etc", "/usr/bin" }.Select(Ls));
            parts.Add(string.Join(" ", Console.In.ReadToEnd().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
                .Select(p => File.Exists(p) || Directory.Exists(p) ? "1" : "0")));
            Console.WriteLine(string.Join("\n=====\n", parts));
            """ },
    };

    [Theory, MemberData(nameof(Readers))]
    public async Task Sandbox_ShowsNoHostPathUidOrBubblewrapArgv_AndNoHostLocalFiles(string language, string file, string code)
    {
        var read = await Read(language, file, code, []);

        string[] hostPaths =
        [
            .. new[] { Environment.CurrentDirectory, fixture.HostSecrets()[3], AppContext.BaseDirectory.TrimEnd('/') }.Where(p => p != "/"),
            new JudgeOptions().WorkRoot, fixture.Judge.WorkFileSystemRoot, "/work/",
        ];
        foreach (var text in new[] { read.Environ, read.Cmdline, read.Mountinfo })
        {
            Assert.DoesNotContain("bwrap", text, StringComparison.Ordinal);
            Assert.All(hostPaths, path => Assert.DoesNotContain(path, text, StringComparison.Ordinal));
        }

        foreach (var text in new[] { read.Environ, read.Cmdline })
        {
            Assert.All(SlotUids(), uid => Assert.DoesNotContain(uid, text, StringComparison.Ordinal));
        }

        // The root field of a mount is the path of its source inside its own file system: on the host's file
        // systems only identity binds (a runtime's own /usr/lib/python3.11 at /usr/lib/python3.11) and bubblewrap's
        // device nodes (/null at /dev/null), everything else on the judge's tmpfs (/<run id>, /runtime/...) or
        // bubblewrap's own.
        foreach (var mount in read.Mountinfo.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Mount.Parse))
        {
            Assert.True(
                mount.Root == "/" || mount.Root == mount.Point || mount.Point == "/dev" + mount.Root
                    || mount.Source == "compila-judge" || mount.Point == "/",
                $"a host path in mountinfo: {mount.Line}");
        }

        Assert.Contains(read.Mountinfo.Split('\n'), l => Mount.Parse(l) is { Point: "/box", Source: "compila-judge" });
        Assert.DoesNotContain("PWD=/", read.Environ.Replace("PWD=/box", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains(read.HostLocal, new[] { "-", "" });
        // /etc: the time zone, and only the runtime's own configuration (Debian's JDK links its conf/ into
        // /etc/java-17-openjdk and its trust store into /etc/ssl; python's sitecustomize lives in /etc/python3.11).
        bool Own(string entry) => language switch
        {
            "python" => entry.StartsWith("python3", StringComparison.Ordinal),
            "java" => entry.StartsWith("java-", StringComparison.Ordinal) || entry == "ssl",
            _ => false,
        };
        Assert.All(read.Etc.Split(' '), entry => Assert.True(entry == "localtime" || Own(entry), $"/etc/{entry} in a {language} sandbox"));
    }

    [Theory, MemberData(nameof(Readers))]
    public async Task Sandbox_SeesItsOwnRuntimeOnly(string language, string file, string code)
    {
        var runtimes = HostRuntimes.Value;
        var paths = runtimes.SelectMany(r => r.Value).Concat(NowhereVisible).ToList();
        var read = await Read(language, file, code, paths);

        var seen = read.Exists.Split(' ');
        Assert.Equal(paths.Count, seen.Length);
        var own = language == "typescript" ? ["typescript", "javascript"] : new[] { language };
        var i = 0;
        foreach (var (runtime, runtimePaths) in runtimes)
        {
            foreach (var path in runtimePaths)
            {
                var expected = own.Contains(runtime) ? "1" : "0";
                Assert.True(expected == seen[i++], $"{path} ({runtime}'s) {(expected == "1" ? "missing" : "visible")} in a {language} sandbox");
            }
        }

        foreach (var path in NowhereVisible)
        {
            Assert.True(seen[i++] == "0", $"{path} visible in a {language} sandbox");
        }

        // /usr/bin: the sandbox's init and the language's own command, nothing else (no shell, no tools).
        var python = new FileInfo("/usr/bin/python3").ResolveLinkTarget(returnFinalTarget: true)?.Name;
        string[] allowed = language switch
        {
            "python" => ["timeout", "python3", python ?? "python3"],
            "javascript" or "typescript" => ["timeout", "node"],
            _ => ["timeout"],
        };
        Assert.All(read.UsrBin.Split(' '), entry => Assert.Contains(entry, allowed));
        Assert.Contains("timeout", read.UsrBin.Split(' '));
    }

    /// <summary>Paths of the host no sandbox sees: a shell and tools, the loader's cache (every library's name), alternatives, /usr/local.</summary>
    private static readonly string[] NowhereVisible =
        [.. new[] { "/bin/sh", "/usr/bin/env", "/usr/bin/dash", "/etc/ld.so.cache", "/etc/alternatives", "/usr/local", "/usr/share/doc" }.Where(Path.Exists)];

    /// <summary>Each language's runtime on this host, found the way the adapters find them (typescript: its compiler's sandbox path).</summary>
    private static readonly Lazy<List<KeyValuePair<string, string[]>>> HostRuntimes = new(() =>
    {
        static string Real(string path) => new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;
        static string Up(string path, int levels) => levels == 0 ? path : Up(Path.GetDirectoryName(path)!, levels - 1);
        var stdlib = Output("/usr/bin/python3", "-I", "-c", "import sysconfig; print(sysconfig.get_path('stdlib'))");
        var jdk = Up(Real("/usr/bin/javac"), 2);
        var goRoot = Up(Real("/usr/bin/go"), 2);
        var dotnet = Path.GetDirectoryName(Real("/usr/bin/dotnet"))!;
        return
        [
            new("python", [stdlib, "/usr/bin/python3"]),
            new("javascript", [Real("/usr/bin/node")]),
            new("typescript", ["/opt/judge/node_modules"]),
            new("java", [jdk, Path.GetDirectoryName(Real(Path.Combine(jdk, "conf", "security", "java.security")))!]),
            new("go", [goRoot, Real(Path.Combine(goRoot, "src"))]),
            new("csharp", [dotnet, Path.Combine(dotnet, "dotnet")]),
        ];
    });

    private static string Output(string file, params string[] args)
    {
        var psi = new System.Diagnostics.ProcessStartInfo(file, args) { RedirectStandardOutput = true };
        using var process = System.Diagnostics.Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return output;
    }

    private async Task<Reading> Read(string language, string file, string code, IReadOnlyList<string> paths)
    {
        var result = await fixture.Judge.RunAsync(new RunRequest(language, [new SourceFile(file, code)], Stdin: string.Join('\n', paths) + "\n"));
        Assert.True(result.Status == RunStatus.Accepted, $"{result.Status}: {result.CompileOutput} {result.Stderr}");
        var parts = (result.Stdout.EndsWith('\n') ? result.Stdout[..^1] : result.Stdout).Split(Separator);
        Assert.Equal(7, parts.Length);
        return new Reading(parts[0], parts[1].Replace('\0', ' '), parts[2], parts[3], parts[4], parts[5], parts[6]);
    }

    private sealed record Reading(string Environ, string Cmdline, string Mountinfo, string HostLocal, string Etc, string UsrBin, string Exists);

    /// <summary>One line of mountinfo: <c>id parent dev root mount-point options [optional] - type source super-options</c>.</summary>
    private sealed record Mount(string Root, string Point, string Source, string Line)
    {
        public static Mount Parse(string line)
        {
            var fields = line.Split(' ');
            var separator = Array.IndexOf(fields, "-");
            return new Mount(fields[3], fields[4], fields[separator + 2], line);
        }
    }

    /// <summary>The host uids the fixture's slots run as (their launchers').</summary>
    private List<string> SlotUids() => fixture.Judge.LauncherPids
        .OfType<int>()
        .Select(pid => File.ReadAllLines($"/proc/{pid}/status").Single(l => l.StartsWith("Uid:", StringComparison.Ordinal)).Split('\t')[1])
        .Select(uid => int.Parse(uid, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture))
        .ToList();
}
