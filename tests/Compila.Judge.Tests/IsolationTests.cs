using Compila.Judge.Sandbox;

namespace Compila.Judge.Tests;

public sealed class IsolationTests(JudgeFixture fixture)
{
    private const string ListFiles = """
        import os, sys
        print("box", sorted(os.listdir("/box")))
        print("tmp", sorted(os.listdir("/tmp")))
        print("data", open("/box/" + sys.argv[1]).read())
        open("/tmp/mine", "w").write(sys.argv[1])
        """;

    [Fact]
    public async Task TwentyParallelRuns_EachSeeOnlyTheirOwnFiles()
    {
        var runs = Enumerable.Range(0, 20).Select(async i =>
        {
            var data = $"data_{i}.txt";
            var token = $"token-{i}-{Guid.NewGuid():N}";
            var result = await fixture.Judge.RunAsync(new RunRequest(
                "python", [new SourceFile("main.py", ListFiles), new SourceFile(data, token)], Args: [data]));
            return (data, token, result);
        }).ToList();

        foreach (var (data, token, result) in await Task.WhenAll(runs))
        {
            Assert.Equal(RunStatus.Accepted, result.Status);
            Assert.Equal($"box ['{data}', 'main.py']\ntmp []\ndata {token}\n", result.Stdout);
        }
    }

    [Fact]
    public async Task FileInTmp_IsAbsentInTheNextRequest()
    {
        var token = "t" + Guid.NewGuid().ToString("N");
        var program = new SourceFile("main.py", JudgeFixture.Source("probe.py"));

        var write = await fixture.Judge.RunAsync(new RunRequest("python", [program], Args: ["tmpwrite", token]));
        var check = await fixture.Judge.RunAsync(new RunRequest("python", [program], Args: ["tmpcheck", token]));

        Assert.Equal("written\n", write.Stdout);
        Assert.Equal("tmp=false shm=false\n", check.Stdout);
    }

    [Fact]
    public async Task Sandbox_RunsAsAnUnprivilegedUserWithNoCapabilities()
    {
        const string code = """
            import os
            status = dict(l.split(":\t", 1) for l in open("/proc/self/status").read().splitlines() if ":\t" in l)
            print(os.getuid(), os.getgid(), status["CapEff"].strip(), status["NoNewPrivs"].strip())
            print(open("/proc/self/uid_map").read().split())
            import socket; print(socket.gethostname())
            """;

        var result = await fixture.Judge.RunAsync(new RunRequest("python", [new SourceFile("main.py", code)]));

        Assert.Equal(RunStatus.Accepted, result.Status);
        var lines = result.Stdout.Split('\n');
        Assert.Equal("65534 65534 0000000000000000 1", lines[0]);
        // Exactly one uid exists inside (the sandbox user); the host's root is not mapped in.
        Assert.Equal(3, lines[1].Split(',').Length);
        Assert.EndsWith("'1']", lines[1], StringComparison.Ordinal);
        Assert.Equal("sandbox", lines[2]);
    }

    [Fact]
    public async Task NestedNamespaces_AreRefused()
    {
        const string code = """
            import ctypes, os
            libc = ctypes.CDLL(None, use_errno=True)
            for name, flag in (("user", 0x10000000), ("net", 0x40000000), ("mount", 0x00020000)):
                rc = libc.unshare(flag)
                print(name, "refused" if rc != 0 else "ALLOWED", ctypes.get_errno())
            """;

        var result = await fixture.Judge.RunAsync(new RunRequest("python", [new SourceFile("main.py", code)]));

        Assert.Equal(RunStatus.Accepted, result.Status);
        Assert.StartsWith("user refused", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("ALLOWED", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KernelInterfacesNoProgramNeeds_AreRefusedBySeccomp()
    {
        const string code = """
            import ctypes, errno, os
            libc = ctypes.CDLL(None, use_errno=True)
            calls = [("io_uring_setup", 425, 8, 0), ("keyctl", 250, 0, 0), ("add_key", 248, 0, 0, 0, 0, 0),
                     ("ptrace", 101, 0, 0, 0, 0), ("bpf", 321, 0, 0, 0), ("perf_event_open", 298, 0, 0, -1, -1, 0),
                     ("userfaultfd", 323, 0), ("process_vm_readv", 310, os.getpid(), 0, 0, 0, 0, 0)]
            for name, nr, *args in calls:
                rc = libc.syscall(nr, *[ctypes.c_long(a) for a in args])
                print(name, errno.errorcode.get(ctypes.get_errno(), "?") if rc == -1 else "ALLOWED")
            print("getppid", "ok" if libc.syscall(110) > 0 else "broken")
            """;

        var result = await fixture.Judge.RunAsync(new RunRequest("python", [new SourceFile("main.py", code)]));

        Assert.Contains("seccomp", fixture.Judge.Sandbox.Description, StringComparison.Ordinal);
        Assert.Equal(RunStatus.Accepted, result.Status);
        Assert.Equal(
            "io_uring_setup ENOSYS\nkeyctl EPERM\nadd_key EPERM\nptrace EPERM\nbpf EPERM\nperf_event_open EPERM\n"
            + "userfaultfd EPERM\nprocess_vm_readv EPERM\ngetppid ok\n",
            result.Stdout);
    }

    [Fact]
    public async Task OnlyStandardStreams_AreOpenInTheSandbox_EvenWhenTheHostInheritedMore()
    {
        // A descriptor without close-on-exec, as a supervisor or test runner hands down to the host.
        var inherited = Dup(1);
        try
        {
            const string code = """
                import os
                print(sorted(int(fd) for fd in os.listdir("/proc/self/fd") if os.path.exists("/proc/self/fd/" + fd)))
                """;

            var result = await fixture.Judge.RunAsync(new RunRequest("python", [new SourceFile("main.py", code)]));

            Assert.True(inherited > 2);
            Assert.Equal("[0, 1, 2]\n", result.Stdout);
        }
        finally
        {
            Assert.Equal(0, Close(inherited));
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "dup")]
    private static extern int Dup(int fd);

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int fd);

    [Fact]
    public async Task SandboxedProcesses_RunAsAnUnprivilegedHostUid()
    {
        var token = "uid" + Guid.NewGuid().ToString("N");
        var run = fixture.Judge.RunAsync(new RunRequest(
            "python", [new SourceFile("main.py", "import time\ntime.sleep(3)\n")], Args: [token]));
        var uids = new HashSet<string>();
        // Polls for as long as the run lasts: on a busy machine it may wait in the pool's queue for seconds first.
        while (uids.Count == 0 && !run.IsCompleted)
        {
            await Task.Delay(20);
            foreach (var line in JudgeFixture.Survivors(token))
            {
                // The learner's process itself (the chain before setpriv briefly runs as root, by design).
                var pid = line.Split(':')[0];
                try
                {
                    if (File.ReadAllText($"/proc/{pid}/comm").Trim() == "python3")
                    {
                        var status = File.ReadAllLines($"/proc/{pid}/status").First(l => l.StartsWith("Uid:", StringComparison.Ordinal));
                        uids.Add(status.Split('\t')[1]);
                    }
                }
                catch (IOException)
                {
                    // Gone between the listing and the read.
                }
            }
        }

        Assert.Equal(RunStatus.Accepted, (await run).Status);
        Assert.NotEmpty(uids);
        Assert.DoesNotContain("0", uids);
    }

    [Fact]
    public async Task WorkFolder_IsReadOnlyInRunSteps_AndRootIsReadOnly()
    {
        const string code = """
            for p in ("/box/new.txt", "/new.txt", "/usr/new.txt"):
                try:
                    open(p, "w").write("x"); print("wrote", p)
                except OSError as e:
                    print("refused", p)
            """;

        var result = await fixture.Judge.RunAsync(new RunRequest("python", [new SourceFile("main.py", code)]));

        Assert.Equal("refused /box/new.txt\nrefused /new.txt\nrefused /usr/new.txt\n", result.Stdout);
    }

    [Fact]
    public void HostWrite_RefusesAPlantedLink_AndLeavesItsTargetAlone()
    {
        var root = Directory.CreateTempSubdirectory("compila-judge-workdir-test-").FullName;
        var target = Directory.CreateTempSubdirectory("compila-judge-target-").FullName;
        File.WriteAllText(Path.Combine(target, "keep.txt"), "keep");
        try
        {
            using (var work = WorkDirectory.Create(root, Guid.NewGuid(), null))
            {
                File.CreateSymbolicLink(Path.Combine(work.Path, "main.py"), Path.Combine(target, "keep.txt"));
                Directory.CreateSymbolicLink(Path.Combine(work.Path, "src"), target);

                Assert.Throws<IOException>(() => work.Write("main.py", "overwritten"));
                Assert.Throws<IOException>(() => work.Write("src/new.py", "planted"));
            }

            // Writing refused through both links, and removing the work folder did not follow them.
            Assert.Equal("keep", File.ReadAllText(Path.Combine(target, "keep.txt")));
            Assert.Equal(["keep.txt"], Directory.GetFiles(target).Select(Path.GetFileName));
            Assert.Empty(Directory.GetFileSystemEntries(root));
        }
        finally
        {
            Directory.Delete(root, true);
            Directory.Delete(target, true);
        }
    }

    [Fact]
    public void WorkFolder_IsNeverReused()
    {
        var root = Directory.CreateTempSubdirectory("compila-judge-workdir-test-").FullName;
        try
        {
            var id = Guid.NewGuid();
            Directory.CreateSymbolicLink(Path.Combine(root, id.ToString("N")), "/tmp");
            Assert.Throws<IOException>(() => WorkDirectory.Create(root, id, null));
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }

    [Fact]
    public async Task HugeStandardInput_IsRejected()
    {
        var stdin = new string('x', WorkDirectory.MaxStdinBytes + 1);

        await Assert.ThrowsAsync<ArgumentException>(() =>
            fixture.Judge.RunAsync(new RunRequest("python", [new SourceFile("main.py", "print(1)")], stdin)));
    }

    [Theory]
    [InlineData("../escape.py")]
    [InlineData("/etc/passwd")]
    [InlineData("a/../../b.py")]
    [InlineData(".hidden")]
    [InlineData("dir/.x")]
    [InlineData("with space.py")]
    public async Task UnsafeFilePaths_AreRejected(string path)
    {
        await Assert.ThrowsAsync<ArgumentException>(() =>
            fixture.Judge.RunAsync(new RunRequest("python", [new SourceFile(path, "print(1)")])));
    }
}
