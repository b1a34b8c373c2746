using System.Net;
using System.Net.Http.Json;
using Compila.Web.Tests.Features.Billing;
using Compila.Web.Tests.Infrastructure;

namespace Compila.Web.Tests.Features.Jobs;

public sealed class ApplicationsTests(CompilaApp app) : IClassFixture<CompilaApp>
{
    [Fact]
    public async Task ACandidate_AppliesOnce_TheCompanySeesTheEvidenceAndMovesIt_AndTheCandidateIsNotifiedOfEachStep()
    {
        var admin = await JobsScenario.AdminAsync(app);
        var company = await JobsScenario.CompanyAsync(app, admin, name: "Banco Verde");
        var job = await JobsScenario.PostJobAsync(company, JobsScenario.Job("Backend Python", ["python", "sql"], level: "beginner"));
        var jobId = job["id"]!.GetValue<string>();
        var (candidate, user) = await JobsScenario.LearnerAsync(app);
        await JobsScenario.PassAsync(app, user.Id, "python", 3);

        var applied = await candidate.PostAsJsonAsync($"/v1/jobs/{jobId}/apply", new { note = "Adoro Python e dados." });
        Assert.Equal(HttpStatusCode.Created, applied.StatusCode);
        var applicationId = (await applied.ReadJsonAsync())["id"]!.GetValue<string>();
        await (await candidate.PostAsJsonAsync($"/v1/jobs/{jobId}/apply", new { note = "de novo" })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(1, (await (await company.Client.GetAsync($"/v1/jobs/{jobId}")).ReadJsonAsync())["applicationsCount"]!.GetValue<int>());

        // Evidence after applying is not part of what was sent.
        await JobsScenario.PassAsync(app, user.Id, "go", 2);
        var applicants = await (await company.Client.GetAsync($"/v1/jobs/{jobId}/applications")).ReadJsonAsync();
        var applicant = Assert.Single(applicants.AsArray())!;
        Assert.Equal(user.Email, applicant["candidate"]!["email"]!.GetValue<string>());
        Assert.Equal("Adoro Python e dados.", applicant["note"]!.GetValue<string>());
        Assert.Contains("3 desafios de Python", applicant["explanation"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["python"], applicant["matched"]!.AsArray().Select(t => t!.GetValue<string>()));
        var skills = applicant["snapshot"]!["skills"]!.AsArray();
        Assert.Contains(skills, s => s!["name"]!.GetValue<string>() == "python");
        Assert.DoesNotContain(skills, s => s!["name"]!.GetValue<string>() == "go");
        Assert.True(applicant["score"]!.GetValue<int>() > 0);

        foreach (var status in new[] { "reviewing", "interview", "offer" })
        {
            var moved = await company.Client.PutAsJsonAsync($"/v1/applications/{applicationId}/status", new { status });
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        }

        await (await company.Client.PutAsJsonAsync($"/v1/applications/{applicationId}/status", new { status = "rejected" }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await company.Client.PutAsJsonAsync($"/v1/applications/{applicationId}/status", new { status = "withdrawn" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        await PublishedEvents.SettledAsync(app.Services);

        var mine = (await (await candidate.GetAsync("/v1/me/applications")).ReadJsonAsync())[0]!;
        Assert.Equal("offer", mine["status"]!.GetValue<string>());
        var notifications = await (await candidate.GetAsync("/v1/me/notifications")).ReadJsonAsync();
        Assert.Equal(3, notifications["unread"]!.GetValue<int>());
        Assert.Equal(["Você recebeu uma proposta", "Convite para entrevista", "Sua candidatura está em análise"],
            notifications["items"]!.AsArray().Select(n => n!["title"]!.GetValue<string>()));
        Assert.Contains("Banco Verde", notifications["items"]![0]!["body"]!.GetValue<string>(), StringComparison.Ordinal);

        var access = await (await candidate.GetAsync("/v1/me/company-access")).ReadJsonAsync();
        Assert.Contains(access.AsArray(), a => a!["action"]!.GetValue<string>() == "application.viewed" && a["companyName"]!.GetValue<string>() == "Banco Verde");
        Assert.Equal(3, access.AsArray().Count(a => a!["action"]!.GetValue<string>() == "application.status_changed"));

        Assert.Equal(HttpStatusCode.NoContent, (await candidate.PostAsJsonAsync("/v1/me/notifications/read", new { })).StatusCode);
        Assert.Equal(0, (await (await candidate.GetAsync("/v1/me/notifications")).ReadJsonAsync())["unread"]!.GetValue<int>());
    }

    [Fact]
    public async Task AProPlusApplication_IsFeatured_AndFirstAmongEqualScores_NeverAboveABetterScore_WhileFreeAndProAreNot()
    {
        var admin = await JobsScenario.AdminAsync(app);
        var company = await JobsScenario.CompanyAsync(app, admin);
        var jobId = (await JobsScenario.PostJobAsync(company, JobsScenario.Job("Backend Python", ["python"], level: "beginner")))["id"]!.GetValue<string>();
        var (strongClient, strong) = await JobsScenario.LearnerAsync(app);
        var (freeClient, free) = await JobsScenario.LearnerAsync(app);
        var (proClient, pro) = await JobsScenario.LearnerAsync(app);
        var (proPlusClient, proPlus) = await JobsScenario.LearnerAsync(app);
        await JobsScenario.PassAsync(app, strong.Id, "python", 3);
        await PlanScenario.SetPlanAsync(app.Services, pro.Id, "pro");
        await PlanScenario.SetPlanAsync(app.Services, proPlus.Id, "pro_plus");

        // Applied in this order, so without the feature the pro_plus candidate would come last among equals.
        foreach (var client in new[] { strongClient, freeClient, proClient, proPlusClient })
        {
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/v1/jobs/{jobId}/apply", new { note = "Olá!" })).StatusCode);
        }

        // A plan bought after applying does not feature what was already sent.
        await PlanScenario.SetPlanAsync(app.Services, free.Id, "pro_plus");
        var applicants = (await (await company.Client.GetAsync($"/v1/jobs/{jobId}/applications")).ReadJsonAsync()).AsArray();
        var mine = (await (await proPlusClient.GetAsync("/v1/me/applications")).ReadJsonAsync())[0]!;

        Assert.Equal([strong.Username, proPlus.Username, free.Username, pro.Username],
            applicants.Select(a => a!["candidate"]!["username"]!.GetValue<string>()));
        Assert.Equal([false, true, false, false], applicants.Select(a => a!["featured"]!.GetValue<bool>()));
        Assert.True(applicants[0]!["score"]!.GetValue<int>() > applicants[1]!["score"]!.GetValue<int>());
        Assert.Equal(applicants[1]!["score"]!.GetValue<int>(), applicants[3]!["score"]!.GetValue<int>());
        Assert.True(mine["featured"]!.GetValue<bool>());
    }

    [Fact]
    public async Task ConcurrentApplies_AndDoubleWithdrawals_KeepTheCountExact()
    {
        var admin = await JobsScenario.AdminAsync(app);
        var company = await JobsScenario.CompanyAsync(app, admin);
        var job = await JobsScenario.PostJobAsync(company, JobsScenario.Job("Concorrida", ["go"]));
        var jobId = job["id"]!.GetValue<string>();
        var (first, _) = await JobsScenario.LearnerAsync(app);
        var (second, _) = await JobsScenario.LearnerAsync(app);

        var tries = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => first.PostAsJsonAsync($"/v1/jobs/{jobId}/apply", new { })));
        Assert.Equal(1, tries.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(tries.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var secondApplication = await (await second.PostAsJsonAsync($"/v1/jobs/{jobId}/apply", new { })).ReadJsonAsync();

        async Task<int> Count() => (await (await company.Client.GetAsync($"/v1/jobs/{jobId}")).ReadJsonAsync())["applicationsCount"]!.GetValue<int>();
        Assert.Equal(2, await Count());

        var withdrawals = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => second.DeleteAsync($"/v1/me/applications/{secondApplication["id"]}")));
        Assert.All(withdrawals, r => Assert.Equal(HttpStatusCode.NoContent, r.StatusCode));
        Assert.Equal(1, await Count());
        Assert.Equal("withdrawn", (await (await second.GetAsync("/v1/me/applications")).ReadJsonAsync())[0]!["status"]!.GetValue<string>());
        Assert.Single((await (await company.Client.GetAsync($"/v1/jobs/{jobId}/applications")).ReadJsonAsync()).AsArray());
        Assert.Equal(HttpStatusCode.NotFound,
            (await company.Client.PutAsJsonAsync($"/v1/applications/{secondApplication["id"]}/status", new { status = "reviewing" })).StatusCode);
    }

    [Fact]
    public async Task NoOne_ReadsOrMovesAnotherPersonsApplications()
    {
        var admin = await JobsScenario.AdminAsync(app);
        var company = await JobsScenario.CompanyAsync(app, admin);
        var rival = await JobsScenario.CompanyAsync(app, admin);
        var job = await JobsScenario.PostJobAsync(company, JobsScenario.Job("Privada", ["go"]));
        var (candidate, _) = await JobsScenario.LearnerAsync(app);
        var (stranger, _) = await JobsScenario.LearnerAsync(app);
        var application = await (await candidate.PostAsJsonAsync($"/v1/jobs/{job["id"]}/apply", new { note = "minha nota" })).ReadJsonAsync();
        var id = application["id"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.NotFound, (await rival.Client.PutAsJsonAsync($"/v1/applications/{id}/status", new { status = "rejected" })).StatusCode);
        await (await stranger.PutAsJsonAsync($"/v1/applications/{id}/status", new { status = "rejected" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.DeleteAsync($"/v1/me/applications/{id}")).StatusCode);
        Assert.Empty((await (await stranger.GetAsync("/v1/me/applications")).ReadJsonAsync()).AsArray());
        Assert.Equal("received", (await (await candidate.GetAsync("/v1/me/applications")).ReadJsonAsync())[0]!["status"]!.GetValue<string>());
        await (await company.Client.PostAsJsonAsync($"/v1/jobs/{job["id"]}/apply", new { })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await candidate.PostAsJsonAsync($"/v1/jobs/{job["id"]}/apply", new { note = new string('a', 2001) })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.NotFound, (await candidate.PostAsJsonAsync($"/v1/jobs/{Guid.NewGuid()}/apply", new { })).StatusCode);

        await (await company.Client.PutAsJsonAsync($"/v1/applications/{id}/status", new { status = "interview" })).ReadJsonAsync();
        await PublishedEvents.SettledAsync(app.Services);
        Assert.Equal(0, (await (await stranger.GetAsync("/v1/me/notifications")).ReadJsonAsync())["unread"]!.GetValue<int>());
        var theirs = await (await candidate.GetAsync("/v1/me/notifications")).ReadJsonAsync();
        var notificationId = theirs["items"]![0]!["id"]!.GetValue<string>();
        await stranger.PostAsJsonAsync("/v1/me/notifications/read", new { ids = new[] { notificationId } });
        Assert.Equal(1, (await (await candidate.GetAsync("/v1/me/notifications")).ReadJsonAsync())["unread"]!.GetValue<int>());
    }
}
