// compila.dev: the C# compile server. Roslyn (the SDK's own, loaded from args[0]) stays warm in one long-lived
// sandbox instead of starting cold for every compile. One JSON request per line on stdin,
// {"files":[{"path","content"}]}, one JSON answer per line on stdout, {"ok","diagnostics","assembly"(base64)}.
// It reads and writes nothing but those streams. The judge builds this file with the SDK's csc (it is not part of
// the judge's own assembly) and starts it as: dotnet server.dll <roslyn dir> <reference dir> <global usings>.
using System.Runtime.Loader;

var roslyn = args[0];
AssemblyLoadContext.Default.Resolving += (context, name) =>
{
    var path = Path.Combine(roslyn, name.Name + ".dll");
    return File.Exists(path) ? context.LoadFromAssemblyPath(path) : null;
};
return CompileServer.Serve(args[1], args[2]);

internal static class CompileServer
{
    public static int Serve(string referenceDir, string usings)
    {
        var compiler = new Compiler(referenceDir, usings.Split(',', StringSplitOptions.RemoveEmptyEntries));
        compiler.Compile([("Program.cs", "System.Console.WriteLine(\"aquecendo\");")]);
        var input = new StreamReader(Console.OpenStandardInput(), new System.Text.UTF8Encoding(false));
        var output = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false)) { AutoFlush = true };
        output.WriteLine("{\"ready\":true}");
        while (input.ReadLine() is { } line)
        {
            var request = System.Text.Json.Nodes.JsonNode.Parse(line)!;
            var files = request["files"]!.AsArray()
                .Select(f => (f!["path"]!.GetValue<string>(), f["content"]!.GetValue<string>()))
                .ToList();
            var (ok, diagnostics, assembly) = compiler.Compile(files);
            output.WriteLine(new System.Text.Json.Nodes.JsonObject
            {
                ["ok"] = ok,
                ["diagnostics"] = diagnostics,
                ["assembly"] = assembly is null ? null : Convert.ToBase64String(assembly),
            }.ToJsonString());
        }

        return 0;
    }
}

internal sealed class Compiler(string referenceDir, string[] usings)
{
    private readonly Microsoft.CodeAnalysis.MetadataReference[] references = Directory.GetFiles(referenceDir, "*.dll")
        .Order(StringComparer.Ordinal)
        .Select(p => (Microsoft.CodeAnalysis.MetadataReference)Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(p))
        .ToArray();

    private readonly Microsoft.CodeAnalysis.CSharp.CSharpParseOptions parse =
        new(Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest);

    // The options the judge's csc command line uses: -target:exe -optimize+ -nullable:enable -deterministic.
    private readonly Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions options = new(
        Microsoft.CodeAnalysis.OutputKind.ConsoleApplication,
        optimizationLevel: Microsoft.CodeAnalysis.OptimizationLevel.Release,
        nullableContextOptions: Microsoft.CodeAnalysis.NullableContextOptions.Enable,
        deterministic: true);

    public (bool Ok, string Diagnostics, byte[]? Assembly) Compile(IReadOnlyList<(string Path, string Content)> files)
    {
        var trees = files
            .Where(f => f.Path.EndsWith(".cs", StringComparison.Ordinal))
            .Prepend((".GlobalUsings.cs", string.Concat(usings.Select(u => $"global using global::{u};\n"))))
            .Select(f => Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(
                Microsoft.CodeAnalysis.Text.SourceText.From(f.Item2, System.Text.Encoding.UTF8), parse, f.Item1))
            .ToList();
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(".main", trees, references, options);
        using var pe = new MemoryStream();
        var result = compilation.Emit(pe);
        // As csc prints them: "Program.cs(2,9): error CS0029: ...", warnings and errors in source order.
        var diagnostics = string.Join('\n', result.Diagnostics
            .Where(d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
            .Select(d => d.ToString()));
        return (result.Success, diagnostics, result.Success ? pe.ToArray() : null);
    }
}
