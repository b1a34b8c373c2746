using System.Net;
using System.Net.Http.Json;
using Compila.Web.Features.Jobs.Postings;
using Compila.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Compila.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Compila.Web.Tests.Features.Jobs;

public sealed class JobPostingsTests(CompilaApp app) : IClassFixture<CompilaApp>
{
    static string Tag() => "t" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task AJob_IsHiddenUntilAnAdminApprovesTheCompany_ThenFoundBySearch()
    {
        var tag = Tag();
        var company = await JobsScenario.CompanyAsync(app);
        var job = await JobsScenario.PostJobAsync(company, JobsScenario.Job($"Backend Go {tag}", ["Golang", "SQL"]));
        var id = job["id"]!.GetValue<string>();
        var anonymous = app.CreateClient();

        Assert.Equal(0, (await (await anonymous.GetAsync($"/v1/jobs?q={tag}")).ReadJsonAsync())["total"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/v1/jobs/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/v1/companies/{company.User.Id}")).StatusCode);
        var own = await (await company.Client.GetAsync($"/v1/jobs/{id}")).ReadJsonAsync();
        Assert.True(own["isOwner"]!.GetValue<bool>());
        Assert.False(own["company"]!["approved"]!.GetValue<bool>());

        var admin = await JobsScenario.AdminAsync(app);
        var pending = await (await admin.GetAsync("/v1/admin/companies?status=pending&size=100")).ReadJsonAsync();
        Assert.Contains(pending["items"]!.AsArray(), c => c!["id"]!.GetValue<string>() == company.User.Id.ToString());
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/v1/admin/companies/{company.User.Id}/approve", null)).StatusCode);

        var found = await (await anonymous.GetAsync($"/v1/jobs?q={tag}")).ReadJsonAsync();
        Assert.Equal(1, found["total"]!.GetValue<int>());
        var item = found["items"]![0]!;
        Assert.Equal(["go", "sql"], item["technologies"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.DoesNotContain("<script", item["descriptionHtml"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<h2", item["descriptionHtml"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/v1/companies/{company.User.Id}")).StatusCode);
        var audit = await (await admin.GetAsync("/v1/admin/audit?action=company.approved&size=200")).ReadJsonAsync();
        Assert.Contains(audit["items"]!.AsArray(), e => e!["target"]!.GetValue<string>() == $"company:{company.User.Id}");
    }

    [Fact]
    public async Task Search_FiltersOnEveryColumn_AndHidesSalariesTheCompanyHid()
    {
        var tag = Tag();
        var admin = await JobsScenario.AdminAsync(app);
        var company = await JobsScenario.CompanyAsync(app, admin);
        await JobsScenario.PostJobAsync(company, JobsScenario.Job($"Go remoto {tag}", ["go"], workModel: "remote", salaryMin: 12000, salaryMax: 15000));
        await JobsScenario.PostJobAsync(company, JobsScenario.Job($"Python presencial {tag}", ["python"], workModel: "onsite", type: "pj",
            level: "senior", salaryVisible: false, location: "Recife, PE"));
        await JobsScenario.PostJobAsync(company, JobsScenario.Job($"Rascunho {tag}", ["go"], status: "draft"));
        var anonymous = app.CreateClient();

        async Task<List<string>> Titles(string query) =>
            (await (await anonymous.GetAsync($"/v1/jobs?q={tag}&{query}")).ReadJsonAsync())["items"]!.AsArray()
                .Select(j => j!["title"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();

        Assert.Equal([$"Go remoto {tag}", $"Python presencial {tag}"], await Titles("sort=recent"));
        Assert.Equal([$"Go remoto {tag}"], await Titles("technology=Golang"));
        Assert.Equal([$"Go remoto {tag}"], await Titles("workModel=remote"));
        Assert.Equal([$"Python presencial {tag}"], await Titles("type=pj&level=senior"));
        Assert.Equal([$"Python presencial {tag}"], await Titles("location=recife"));
        Assert.Equal([$"Go remoto {tag}"], await Titles("salaryMin=14000"));
        Assert.Empty(await Titles("stack=mobile"));

        var hidden = (await (await anonymous.GetAsync($"/v1/jobs?q={tag}&type=pj")).ReadJsonAsync())["items"]![0]!;
        Assert.Null(hidden["salaryMin"]);
        Assert.Null(hidden["salaryMax"]);
        var mine = await (await company.Client.GetAsync("/v1/jobs/mine")).ReadJsonAsync();
        Assert.Equal(3, mine.AsArray().Count);
        Assert.Contains(mine.AsArray(), j => j!["status"]!.GetValue<string>() == "draft");
        Assert.Contains(mine.AsArray(), j => j!["salaryVisible"]!.GetValue<bool>() == false && j!["salaryMin"] is not null);
    }

    [Fact]
    public async Task BadInput_GetsFieldErrors_InPortuguese()
    {
        var company = await JobsScenario.CompanyAsync(app);

        async Task<string[]> Fields(object job)
        {
            var problem = await (await company.Client.PostAsJsonAsync("/v1/jobs", job)).AssertProblemAsync(HttpStatusCode.BadRequest);
            return problem["errors"]!.AsObject().Select(e => e.Key).ToArray();
        }

        Assert.Equal(["salaryMin"], await Fields(JobsScenario.Job("Vaga", ["go"], salaryMin: 9000, salaryMax: 5000)));
        Assert.Equal(["type"], await Fields(JobsScenario.Job("Vaga", ["go"], type: "estagio-remunerado")));
        Assert.Equal(["workModel"], await Fields(JobsScenario.Job("Vaga", ["go"], workModel: "anywhere")));
        Assert.Equal(["expiresAt"], await Fields(JobsScenario.Job("Vaga", ["go"], expiresAt: DateTimeOffset.UtcNow.AddDays(-1))));
        Assert.Equal(["technologies"], await Fields(JobsScenario.Job("Vaga", [])));
        Assert.Equal(["salaryMax"], await Fields(JobsScenario.Job("Vaga", ["go"], salaryMin: null, salaryMax: -1)));
        var problem = await (await company.Client.PostAsJsonAsync("/v1/jobs", JobsScenario.Job("Vaga", ["go"], salaryMin: 9000, salaryMax: 5000)))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("O salário mínimo não pode ser maior que o máximo.", problem["errors"]!["salaryMin"]![0]!.GetValue<string>());

        var anonymous = app.CreateClient();
        await (await anonymous.GetAsync("/v1/jobs?stack=cobol")).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await anonymous.GetAsync("/v1/jobs?size=0")).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await anonymous.GetAsync("/v1/jobs?sort=salary")).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await anonymous.GetAsync($"/v1/jobs?q={new string('a', 201)}")).AssertProblemAsync(HttpStatusCode.BadRequest);
        var register = await anonymous.PostAsJsonAsync("/v1/auth/register",
            new { username = ApiClient.UniqueName(), email = $"{ApiClient.UniqueName()}@example.com", password = ApiClient.StrongPassword, accountType = "recruiter" });
        await register.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task CompanyEndpoints_AreForbiddenToLearners_AndAnotherCompanysJobDoesNotExist()
    {
        var (learner, _) = await JobsScenario.LearnerAsync(app);
        var company = await JobsScenario.CompanyAsync(app);
        // Approved, so its reads reach the ownership check (an unapproved company lists no candidates at all).
        var rival = await JobsScenario.CompanyAsync(app, await JobsScenario.AdminAsync(app));
        var job = await JobsScenario.PostJobAsync(company, JobsScenario.Job("Vaga da empresa A", ["go"]));
        var id = job["id"]!.GetValue<string>();

        await (await learner.PostAsJsonAsync("/v1/jobs", JobsScenario.Job("Vaga", ["go"]))).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await learner.GetAsync("/v1/jobs/mine")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await learner.GetAsync($"/v1/jobs/{id}/applications")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await learner.PutAsJsonAsync("/v1/companies/me", new { name = "Fake" })).AssertProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal(HttpStatusCode.NotFound, (await rival.Client.PutAsJsonAsync($"/v1/jobs/{id}", JobsScenario.Job("Roubada", ["go"]))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await rival.Client.DeleteAsync($"/v1/jobs/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await rival.Client.GetAsync($"/v1/jobs/{id}/applications")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await rival.Client.GetAsync($"/v1/jobs/{id}/candidates")).StatusCode);
        Assert.Equal("Vaga da empresa A", (await (await company.Client.GetAsync($"/v1/jobs/{id}")).ReadJsonAsync())["title"]!.GetValue<string>());

        var noProfile = app.CreateClient();
        var username = ApiClient.UniqueName("co");
        var registered = await (await noProfile.PostAsJsonAsync("/v1/auth/register",
            new { username, email = $"{username}@empresa.example", password = ApiClient.StrongPassword, accountType = "company" })).ReadJsonAsync();
        noProfile.Authorized(registered["accessToken"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await noProfile.GetAsync("/v1/companies/me")).StatusCode);
        await (await noProfile.PostAsJsonAsync("/v1/jobs", JobsScenario.Job("Vaga", ["go"]))).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task AnExpiredJob_ReadsClosed_LeavesTheSearch_AndIsStoredClosedByTheSweeper()
    {
        var tag = Tag();
        var admin = await JobsScenario.AdminAsync(app);
        var company = await JobsScenario.CompanyAsync(app, admin);
        var job = await JobsScenario.PostJobAsync(company, JobsScenario.Job($"Expira {tag}", ["go"], expiresAt: DateTimeOffset.UtcNow.AddDays(10).ToOffset(TimeSpan.FromHours(-3))));
        var id = Guid.Parse(job["id"]!.GetValue<string>());
        var (learner, _) = await JobsScenario.LearnerAsync(app);
        var anonymous = app.CreateClient();
        Assert.Equal(1, (await (await anonymous.GetAsync($"/v1/jobs?q={tag}")).ReadJsonAsync())["total"]!.GetValue<int>());

        // Time passes: the expiry is now behind us.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CompilaDb>();
            await db.Set<Job>().Where(j => j.Id == id).ExecuteUpdateAsync(s => s.SetProperty(j => j.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
        }

        Assert.Equal(0, (await (await anonymous.GetAsync($"/v1/jobs?q={tag}&fresh={Tag()}")).ReadJsonAsync())["total"]!.GetValue<int>());
        Assert.Equal("closed", (await (await anonymous.GetAsync($"/v1/jobs/{id}")).ReadJsonAsync())["status"]!.GetValue<string>());
        await (await learner.PostAsJsonAsync($"/v1/jobs/{id}/apply", new { note = "Oi" })).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.True(await app.Services.GetRequiredService<JobExpiry>().CloseExpiredAsync(CancellationToken.None) >= 1);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CompilaDb>();
            Assert.Equal(JobStatus.Closed, await db.Set<Job>().Where(j => j.Id == id).Select(j => j.Status).SingleAsync());
        }
    }

    [Fact]
    public async Task AJobWithApplications_CannotBeDeleted_ButCanBeClosed()
    {
        var admin = await JobsScenario.AdminAsync(app);
        var company = await JobsScenario.CompanyAsync(app, admin);
        var draft = await JobsScenario.PostJobAsync(company, JobsScenario.Job("Rascunho", ["go"], status: "draft"));
        var open = await JobsScenario.PostJobAsync(company, JobsScenario.Job("Aberta", ["go"]));
        var (learner, _) = await JobsScenario.LearnerAsync(app);
        Assert.Equal(HttpStatusCode.Created, (await learner.PostAsJsonAsync($"/v1/jobs/{open["id"]}/apply", new { })).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await company.Client.DeleteAsync($"/v1/jobs/{draft["id"]}")).StatusCode);
        await (await company.Client.DeleteAsync($"/v1/jobs/{open["id"]}")).AssertProblemAsync(HttpStatusCode.Conflict);
        var closed = await company.Client.PutAsJsonAsync($"/v1/jobs/{open["id"]}", JobsScenario.Job("Aberta", ["go"], status: "closed"));
        Assert.Equal("closed", (await closed.ReadJsonAsync())["status"]!.GetValue<string>());
        var application = (await (await learner.GetAsync("/v1/me/applications")).ReadJsonAsync())[0]!;
        Assert.Equal("closed", application["job"]!["status"]!.GetValue<string>());
    }
}
