using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Compila.Web.Infrastructure.Commands;
using Compila.Web.Tests.Features.Portfolio;
using Compila.Web.Tests.Infrastructure;

namespace Compila.Web.Tests.Features.Jobs;

/// <summary>Company accounts, an admin to approve them, jobs, and learners with judged history in chosen languages.</summary>
public static class JobsScenario
{
    public sealed record Company(HttpClient Client, TestUser User);

    public static async Task<Company> CompanyAsync(CompilaApp app, HttpClient? admin = null, string? name = null)
    {
        var client = app.CreateClient();
        var username = ApiClient.UniqueName("co");
        var response = await client.PostAsJsonAsync("/v1/auth/register",
            new { username, email = $"{username}@empresa.example", password = ApiClient.StrongPassword, accountType = "company" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadJsonAsync();
        var user = new TestUser(username, $"{username}@empresa.example", ApiClient.StrongPassword,
            body["accessToken"]!.GetValue<string>(), body["refreshToken"]!.GetValue<string>(), Guid.Parse(body["user"]!["id"]!.GetValue<string>()));
        client.Authorized(user.AccessToken);
        var profile = await client.PutAsJsonAsync("/v1/companies/me", new { name = name ?? $"Empresa {username}", location = "São Paulo, SP", websiteUrl = "https://empresa.example" });
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        if (admin is not null)
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/v1/admin/companies/{user.Id}/approve", null)).StatusCode);
        }

        return new Company(client, user);
    }

    /// <summary>A learner granted the admin role by the operator command (no password in the environment, which other tests share).</summary>
    public static async Task<HttpClient> AdminAsync(CompilaApp app)
    {
        var user = await app.CreateClient().RegisterAsync(ApiClient.UniqueName("adm"));
        Assert.Equal(0, await CommandLine.RunAsync(app.Services, ["admin", "grant", user.Username]));
        var client = app.CreateClient();
        var login = await client.PostAsJsonAsync("/v1/auth/login", new { login = user.Username, password = user.Password });
        return client.Authorized((await login.ReadJsonAsync())["accessToken"]!.GetValue<string>());
    }

    public static object Job(string title, string[] technologies, string status = "active", string stack = "backend", string level = "junior",
        string type = "clt", string workModel = "remote", int? salaryMin = 6000, int? salaryMax = 9000, bool salaryVisible = true,
        DateTimeOffset? expiresAt = null, string? location = "São Paulo, SP") =>
        new
        {
            title,
            description = $"## Sobre a vaga\n\n{title}: venha construir com a gente. <script>alert(1)</script>",
            requirements = new[] { "Boa comunicação", "Testes automatizados" },
            stack, level, technologies, type, workModel, location, salaryMin, salaryMax, salaryVisible, status, expiresAt,
        };

    public static async Task<JsonNode> PostJobAsync(Company company, object job)
    {
        var response = await company.Client.PostAsJsonAsync("/v1/jobs", job);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    public static async Task<(HttpClient Client, TestUser User)> LearnerAsync(CompilaApp app)
    {
        var client = app.CreateClient();
        var user = await client.RegisterAsync();
        return (client.Authorized(user.AccessToken), user);
    }

    /// <summary>Passes <paramref name="count"/> distinct catalog challenges in <paramref name="language"/>, as the judge records them.</summary>
    public static async Task PassAsync(CompilaApp app, Guid userId, string language, int count, int daysAgo = 1)
    {
        var challenges = await PortfolioScenario.ChallengesAsync(app.Services);
        foreach (var challenge in challenges.Take(count))
        {
            await PortfolioScenario.JudgeAsync(app.Services, userId, challenge, language, passed: true, PortfolioScenario.At(daysAgo));
        }

        await PublishedEvents.SettledAsync(app.Services);
    }
}
