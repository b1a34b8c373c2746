using Compila.Web.Tests.Infrastructure;

namespace Compila.Web.Tests.Features.Portfolio.Export;

/// <summary>The real app with a built SPA's index.html in its web root and a fixed public origin.</summary>
public sealed class ExportApp : IDisposable
{
    public const string PublicBase = "https://compila.example";
    public const int ExportsPerMinute = 3;

    /// <summary>The head of web/index.html as Vite builds it: the parts the link preview rewrites.</summary>
    public const string IndexHtml = """
        <!doctype html>
        <html lang="pt-BR">
          <head>
            <meta charset="UTF-8" />
            <meta name="description" content="compila.dev: aprenda programação resolvendo desafios reais, com correção automática e feedback." />
            <title>compila.dev</title>
            <script type="module" crossorigin src="/assets/index-abc123.js"></script>
          </head>
          <body><div id="root"></div></body>
        </html>
        """;

    readonly string webRoot = Directory.CreateTempSubdirectory("compila-webroot-").FullName;

    public ExportApp()
    {
        File.WriteAllText(Path.Combine(webRoot, "index.html"), IndexHtml);
        App = CompilaApp.With(new Dictionary<string, string?>
        {
            ["webroot"] = webRoot,
            ["Compila:Portfolio:PublicBaseUrl"] = PublicBase,
            ["Compila:RateLimits:ExportPerMinute"] = ExportsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
    }

    public CompilaApp App { get; }

    public void Dispose()
    {
        App.Dispose();
        Directory.Delete(webRoot, recursive: true);
    }
}
