using System.Globalization;

namespace Compila.Judge.Tests;

/// <summary>What a sandboxed program can read about the host through /proc and the file system.</summary>
public sealed class InformationLeakTests(JudgeFixture fixture)
{
    private const string Separator = "\n=====\n";

    /// <summary>Each prints /proc/1/environ, /proc/1/cmdline, /proc/self/mountinfo, then the entries of /usr/local and /etc.</summary>
    public static TheoryData<string, string, string> Readers => new()
    {
        { "python", "main.py", """
            import os
            parts = [open(p, "rb").read().decode() for p in ("/proc/1/environ", "/proc/1/cmdline", "/proc/self/mountinfo")]
            parts += [" ".join(sorted(os.listdir(d))) for d in ("/usr/local", "/etc")]
            print("\n=====\n".join(parts))
            """ },
        { "javascript", "main.js", """
            const fs = require("fs");
            const parts = ["/proc/1/environ", "/proc/1/cmdline", "/proc/self/mountinfo"].map(p => fs.readFileSync(p, "latin1"));
            for (const d of ["/usr/local", "/etc"]) parts.push(fs.readdirSync(d).sort().join(" "));
            console.log(parts.join("\n=====\n"));
            """ },
        { "go", "main.go", """
            package main

            import (
            	"fmt"
            	"os"
            	"sort"
            	"strings"
            )

            func main() {
            	var parts []string
            	for _, p := range []string{"/proc/1/environ", "/proc/1/cmdline", "/proc/self/mountinfo"} {
            		b, _ := os.ReadFile(p)
            		parts = append(parts, string(b))
            	}
            	for _, d := range []string{"/usr/local", "/etc"} {
            		entries, _ := os.ReadDir(d)
            		var names []string
            		for _, e := range entries {
            			names = append(names, e.Name())
            		}
            		sort.Strings(names)
            		parts = append(parts, strings.Join(names, " "))
            	}
            	fmt.Println(strings.Join(parts, "\n=====\n"))
            }
            """ },
        { "csharp", "Program.cs", """
            var parts = new[] { "/proc/1/environ", "/proc/1/cmdline", "/proc/self/mountinfo" }.Select(File.ReadAllText).ToList();
            foreach (var d in new[] { "/usr/local", "/etc" })
            {
                parts.Add(string.Join(" ", Directory.GetFileSystemEntries(d).Select(Path.GetFileName).Order(StringComparer.Ordinal)));
            }

            Console.WriteLine(string.Join("\n=====\n", parts));
            """ },
    };

    [Theory, MemberData(nameof(Readers))]
    public async Task Sandbox_ShowsNoHostPathUidOrBubblewrapArgv_AndNoHostLocalFiles(string language, string file, string code)
    {
        var result = await fixture.Judge.RunAsync(new RunRequest(language, [new SourceFile(file, code)]));

        Assert.Equal(RunStatus.Accepted, result.Status);
        var parts = result.Stdout.TrimEnd('\n').Split(Separator);
        Assert.Equal(5, parts.Length);
        var (environ, cmdline, mountinfo, hostLocal, etc) = (parts[0], parts[1].Replace('\0', ' '), parts[2], parts[3], parts[4]);
        string[] hostPaths = [.. new[] { Environment.CurrentDirectory, fixture.HostSecrets()[3] }.Where(p => p != "/")];
        foreach (var text in new[] { environ, cmdline, mountinfo })
        {
            Assert.DoesNotContain("bwrap", text, StringComparison.Ordinal);
            Assert.All(hostPaths, path => Assert.DoesNotContain(path, text, StringComparison.Ordinal));
        }

        foreach (var text in new[] { environ, cmdline })
        {
            Assert.DoesNotContain(new JudgeOptions().WorkRoot, text, StringComparison.Ordinal);
            Assert.All(SlotUids(), uid => Assert.DoesNotContain(uid, text, StringComparison.Ordinal));
        }

        Assert.DoesNotContain("PWD=/", environ.Replace("PWD=/box", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal("", hostLocal);
        Assert.Equal("alternatives ld.so.cache localtime", etc);
    }

    /// <summary>The host uids the fixture's slots run as (their launchers').</summary>
    private List<string> SlotUids() => fixture.Judge.LauncherPids
        .OfType<int>()
        .Select(pid => File.ReadAllLines($"/proc/{pid}/status").Single(l => l.StartsWith("Uid:", StringComparison.Ordinal)).Split('\t')[1])
        .Select(uid => int.Parse(uid, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture))
        .ToList();
}
