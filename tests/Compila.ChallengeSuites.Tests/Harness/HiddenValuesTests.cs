using Compila.ChallengeSuites.Running;
using Compila.ChallengeSuites.Specs;
using static Compila.ChallengeSuites.Tests.Harness.HarnessTestKit;

namespace Compila.ChallengeSuites.Tests.Harness;

/// <summary>
/// Learner code that goes looking for the expected values cannot find them: they never enter the
/// sandbox. The code dumps every file it can reach (work dir and /tmp), its argv, environment and
/// stdin; the test checks the dump happened and that no expected value appears in anything that
/// went into the sandbox or came out of it.
/// </summary>
public sealed class HiddenValuesTests(JudgeFixture fixture)
{
    const string VisibleExpected = "ESPERADO-VISIVEL-3c1d7a";
    const string HiddenExpected = "ESPERADO-OCULTO-9f2b4e";

    static readonly FunctionTestSpec Spec = new(
        Signature("espiar", "string", ("n", "int")),
        [
            Case("caso visível", "[1]", $"\"{VisibleExpected}\""),
            Case("caso oculto", "[2]", $"\"{HiddenExpected}\"", hidden: true),
        ]);

    public static readonly TheoryData<string, string> SnoopingCode = new()
    {
        { "python", """
            import os, sys

            def espiar(n):
                partes = ["ARGV", repr(sys.argv), "ENV", repr(dict(os.environ)), "CWD", os.getcwd()]
                for raiz in (".", "/tmp"):
                    for pasta, _, arquivos in os.walk(raiz):
                        for nome in arquivos:
                            caminho = os.path.join(pasta, nome)
                            partes.append("ARQUIVO " + caminho)
                            try:
                                if os.path.getsize(caminho) < 200000:
                                    partes.append(open(caminho, errors="replace").read())
                            except Exception as e:
                                partes.append(str(e))
                partes.append("STDIN " + sys.stdin.read())
                print("\n".join(partes))
                return "não achei"
            """ },
        { "javascript", """
            const fs = require("fs");
            const path = require("path");

            function andar(raiz, partes) {
              let nomes = [];
              try { nomes = fs.readdirSync(raiz); } catch (e) { partes.push(String(e)); }
              for (const nome of nomes) {
                const caminho = path.join(raiz, nome);
                try {
                  const st = fs.statSync(caminho);
                  if (st.isDirectory()) { andar(caminho, partes); continue; }
                  partes.push("ARQUIVO " + caminho);
                  if (st.size < 200000) partes.push(fs.readFileSync(caminho, "utf8"));
                } catch (e) { partes.push(String(e)); }
              }
            }

            function espiar(n) {
              const partes = ["ARGV", JSON.stringify(process.argv), "ENV", JSON.stringify(process.env), "CWD", process.cwd()];
              andar(".", partes);
              andar("/tmp", partes);
              try { partes.push("STDIN " + fs.readFileSync(0, "utf8")); } catch (e) { partes.push(String(e)); }
              console.log(partes.join("\n"));
              return "não achei";
            }
            """ },
        { "typescript", """
            const fs = require("fs");
            const path = require("path");

            function andar(raiz: string, partes: string[]): void {
              let nomes: string[] = [];
              try { nomes = fs.readdirSync(raiz); } catch (e) { partes.push(String(e)); }
              for (const nome of nomes) {
                const caminho = path.join(raiz, nome);
                try {
                  const st = fs.statSync(caminho);
                  if (st.isDirectory()) { andar(caminho, partes); continue; }
                  partes.push("ARQUIVO " + caminho);
                  if (st.size < 200000) partes.push(fs.readFileSync(caminho, "utf8"));
                } catch (e) { partes.push(String(e)); }
              }
            }

            function espiar(n: number): string {
              const partes: string[] = ["ARGV", JSON.stringify(process.argv), "ENV", JSON.stringify(process.env), "CWD", process.cwd()];
              andar(".", partes);
              andar("/tmp", partes);
              try { partes.push("STDIN " + fs.readFileSync(0, "utf8")); } catch (e) { partes.push(String(e)); }
              console.log(partes.join("\n"));
              return "não achei";
            }
            """ },
        { "java", """
            import java.nio.file.*;
            import java.util.*;
            import java.util.stream.*;

            class Solution {
                static String espiar(long n) throws Exception {
                    StringBuilder b = new StringBuilder("ARGV ").append(ProcessHandle.current().info().commandLine().orElse("?"));
                    b.append("\nENV ").append(System.getenv()).append("\nCWD ").append(Paths.get("").toAbsolutePath());
                    for (String raiz : new String[] {".", "/tmp"}) {
                        List<Path> arquivos;
                        try (Stream<Path> s = Files.walk(Paths.get(raiz))) {
                            arquivos = s.filter(Files::isRegularFile).collect(Collectors.toList());
                        } catch (Exception e) {
                            b.append('\n').append(e);
                            continue;
                        }
                        for (Path p : arquivos) {
                            b.append("\nARQUIVO ").append(p);
                            try {
                                if (Files.size(p) < 200000) b.append('\n').append(new String(Files.readAllBytes(p)));
                            } catch (Exception e) {
                                b.append('\n').append(e);
                            }
                        }
                    }
                    b.append("\nSTDIN ").append(new String(System.in.readAllBytes()));
                    System.out.println(b);
                    return "não achei";
                }
            }
            """ },
        { "go", """
            package main

            import (
            	"fmt"
            	"io"
            	"os"
            	"path/filepath"
            	"strings"
            )

            func espiar(n int64) string {
            	partes := []string{"ARGV", fmt.Sprint(os.Args), "ENV", strings.Join(os.Environ(), "\n")}
            	for _, raiz := range []string{".", "/tmp"} {
            		filepath.Walk(raiz, func(caminho string, info os.FileInfo, err error) error {
            			if err != nil {
            				partes = append(partes, err.Error())
            				return nil
            			}
            			if info.IsDir() {
            				return nil
            			}
            			partes = append(partes, "ARQUIVO "+caminho)
            			if info.Size() < 200000 {
            				dados, erro := os.ReadFile(caminho)
            				if erro != nil {
            					partes = append(partes, erro.Error())
            				} else {
            					partes = append(partes, string(dados))
            				}
            			}
            			return nil
            		})
            	}
            	entrada, _ := io.ReadAll(os.Stdin)
            	partes = append(partes, "STDIN "+string(entrada))
            	fmt.Println(strings.Join(partes, "\n"))
            	return "não achei"
            }
            """ },
        { "csharp", """
            using System.Collections;
            using System.Text;

            public static class Solution
            {
                public static string Espiar(long n)
                {
                    var b = new StringBuilder("ARGV ").AppendJoin(" ", Environment.GetCommandLineArgs());
                    b.Append("\nENV ");
                    foreach (DictionaryEntry e in Environment.GetEnvironmentVariables()) b.Append(e.Key).Append('=').Append(e.Value).Append('\n');
                    foreach (var raiz in new[] { ".", "/tmp" })
                    {
                        IEnumerable<string> arquivos;
                        try { arquivos = Directory.EnumerateFiles(raiz, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true }).ToList(); }
                        catch (Exception e) { b.Append('\n').Append(e.Message); continue; }
                        foreach (var p in arquivos)
                        {
                            b.Append("\nARQUIVO ").Append(p);
                            try { if (new FileInfo(p).Length < 200000) b.Append('\n').Append(File.ReadAllText(p)); }
                            catch (Exception e) { b.Append('\n').Append(e.Message); }
                        }
                    }
                    b.Append("\nSTDIN ").Append(Console.In.ReadToEnd());
                    Console.WriteLine(b);
                    return "não achei";
                }
            }
            """ },
    };

    [Theory]
    [MemberData(nameof(SnoopingCode))]
    public async Task LearnerCodeSearchingForExpectedValues_FindsNone(string language, string code)
    {
        var judge = new RecordingJudge(fixture.Judge);

        var result = await RunAsync(judge, language, Spec, code);

        Assert.True(result.Tests.All(t => t.Status == TestStatus.Fail), Describe(result));
        var batches = judge.Batches.ToList();
        Assert.NotEmpty(batches);
        foreach (var (request, batch) in batches)
        {
            var sent = string.Concat(request.Files.Select(f => f.Path + f.Content))
                + string.Concat(request.Inputs.Select(i => i.Stdin + string.Concat(i.Args ?? [])));
            var received = batch.CompileOutput + string.Concat(batch.Runs.Select(r => r.Stdout + r.Stderr));
            // The dump really happened: it reached the harness file and the environment.
            Assert.Contains("ARQUIVO", received, StringComparison.Ordinal);
            Assert.Contains("ENV", received, StringComparison.Ordinal);
            foreach (var secret in new[] { VisibleExpected, HiddenExpected, "ESPERADO-" })
            {
                Assert.DoesNotContain(secret, sent, StringComparison.Ordinal);
                Assert.DoesNotContain(secret, received, StringComparison.Ordinal);
            }
        }
        // A visible case's process never holds a hidden case's arguments.
        var first = batches[0].Request;
        Assert.Equal(["[1]\n", "[2]\n"], first.Inputs.Select(i => i.Stdin));
        // The host still compares: both cases show what was expected, on the host side only.
        Assert.Equal($"\"{VisibleExpected}\"", result.Tests[0].Expected);
        Assert.Equal("\"não achei\"", result.Tests[1].Actual);
    }
}
