using System.Net;
using Compila.Web.Tests.Infrastructure;
using Npgsql;

namespace Compila.Web.Tests.Infrastructure.Errors;

/// <summary>
/// A PostgreSQL that refuses new connections (what "too many clients" looks like when replicas outgrow
/// max_connections) must give learners a 503 they can retry, not a 500. Runs against the real server in both suite
/// runs: the refusal is PostgreSQL's own, for a role whose connection limit is lowered under the running app.
/// </summary>
public sealed class DatabaseOverloadTests
{
    static readonly string Server = Environment.GetEnvironmentVariable("COMPILA_TEST_POSTGRES") is { Length: > 0 } configured
        ? configured
        : "Host=127.0.0.1;Username=postgres;Password=postgres;Database=postgres";

    [Fact]
    public async Task DatabaseRefusingConnections_IsA503WithRetryAfter_InPortuguese()
    {
        var name = "compila_overload_" + Guid.NewGuid().ToString("N")[..12];
        await AdminAsync($"CREATE ROLE {name} LOGIN PASSWORD 'overload'", $"CREATE DATABASE {name} OWNER {name}");
        var connectionString = new NpgsqlConnectionStringBuilder(Server) { Database = name, Username = name, Password = "overload" }.ConnectionString;
        try
        {
            using (var app = CompilaApp.With(new() { ["Compila:Role"] = "Api", ["Compila:Postgres"] = connectionString }))
            {
                var client = app.CreateClient();
                var learner = await client.RegisterAsync();

                await AdminAsync($"ALTER ROLE {name} CONNECTION LIMIT 0");
                using (var pooled = new NpgsqlConnection(connectionString))
                {
                    NpgsqlConnection.ClearPool(pooled);
                }

                var response = await client.Authorized(learner.AccessToken).GetAsync("/v1/me/submissions");
                Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                var problem = await response.ReadJsonAsync();
                Assert.Equal(503, problem["status"]!.GetValue<int>());
                Assert.Contains("Tente novamente", problem["detail"]!.GetValue<string>());
                Assert.DoesNotContain(name, await response.Content.ReadAsStringAsync());
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await AdminAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", $"DROP ROLE IF EXISTS {name}");
        }
    }

    static async Task AdminAsync(params string[] statements)
    {
        await using var admin = new NpgsqlConnection(Server);
        await admin.OpenAsync();
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, admin);
            await command.ExecuteNonQueryAsync();
        }
    }
}
