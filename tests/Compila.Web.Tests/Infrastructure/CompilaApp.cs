using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Compila.Web.Tests.Infrastructure;

/// <summary>The real host over HTTP, on its own database (SQLite, or PostgreSQL in CI), with optional settings.</summary>
public class CompilaApp : WebApplicationFactory<Program>
{
    readonly Dictionary<string, string?> settings;
    readonly TestDatabase? ownedDatabase;

    public CompilaApp() : this(new Dictionary<string, string?>(), null)
    {
    }

    CompilaApp(Dictionary<string, string?> settings, TestDatabase? sharedDatabase)
    {
        this.settings = settings;
        Database = sharedDatabase ?? (ownedDatabase = new TestDatabase());
    }

    public TestDatabase Database { get; }

    /// <summary>An app with extra settings; pass a shared database to run several instances over one store.</summary>
    public static CompilaApp With(Dictionary<string, string?> settings, TestDatabase? sharedDatabase = null) => new(settings, sharedDatabase);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Compila:DataDir", Database.DataDir);
        // Keyword search only, unless a test asks for vectors: embedding the whole knowledge base per test host costs
        // a minute of CPU; hybrid ranking is measured in bench/Compila.Knowledge.Bench.
        builder.UseSetting("Compila:Knowledge:VectorBackend", "None");
        if (Database.ConnectionString is { } postgres)
        {
            builder.UseSetting("Compila:Postgres", postgres);
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            ownedDatabase?.Dispose();
        }
    }
}
