using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Compila.Web.Tests.Infrastructure;

namespace Compila.Web.Tests.Features.Jobs;

public sealed class ContactRequestsTests(CompilaApp app) : IClassFixture<CompilaApp>
{
    static async Task DiscoverableAsync(HttpClient learner, bool discoverable = true) =>
        Assert.Equal(HttpStatusCode.OK, (await learner.PutAsJsonAsync("/v1/me/discoverable", new { discoverable })).StatusCode);

    static async Task<JsonNode> CandidateRowAsync(JobsScenario.Company company, JsonNode job, Guid candidateId) =>
        (await (await company.Client.GetAsync($"/v1/jobs/{job["id"]}/candidates")).ReadJsonAsync()).AsArray()
            .Single(c => c!["candidate"]!["id"]!.GetValue<string>() == candidateId.ToString())!;

    [Fact]
    public async Task ACompanySeesAContactOnlyAfterTheCandidateAccepts_AndEachSideIsNotified()
    {
        var admin = await JobsScenario.AdminAsync(app);
        var company = await JobsScenario.CompanyAsync(app, admin, name: "Empresa Contato");
        var language = "lang" + Guid.NewGuid().ToString("N")[..6];
        var job = await JobsScenario.PostJobAsync(company, JobsScenario.Job("Pessoa desenvolvedora", [language], level: "beginner"));
        var (learner, user) = await JobsScenario.LearnerAsync(app);
        await JobsScenario.PassAsync(app, user.Id, language, 2);
        await DiscoverableAsync(learner);

        var sent = await company.Client.PostAsJsonAsync("/v1/companies/me/contact-requests",
            new { candidateId = user.Id, jobId = job["id"]!.GetValue<string>(), message = "Vimos seus desafios e queremos conversar." });
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var request = await sent.ReadJsonAsync();
        Assert.Equal("pending", request["status"]!.GetValue<string>());
        Assert.Null(request["candidate"]!["email"]);
        var row = await CandidateRowAsync(company, job, user.Id);
        Assert.Equal("pending", row["contactStatus"]!.GetValue<string>());
        Assert.Null(row["candidate"]!["email"]);

        var again = await company.Client.PostAsJsonAsync("/v1/companies/me/contact-requests", new { candidateId = user.Id, message = "De novo" });
        await again.AssertProblemAsync(HttpStatusCode.Conflict);

        await PublishedEvents.SettledAsync(app.Services);
        var received = await (await learner.GetAsync("/v1/me/contact-requests")).ReadJsonAsync();
        var incoming = received.AsArray().Single()!;
        Assert.Equal("Empresa Contato", incoming["companyName"]!.GetValue<string>());
        Assert.Equal("Pessoa desenvolvedora", incoming["jobTitle"]!.GetValue<string>());
        var told = await (await learner.GetAsync("/v1/me/notifications")).ReadJsonAsync();
        Assert.Contains(told["items"]!.AsArray(), n => n!["kind"]!.GetValue<string>() == "contact_request"
            && n["body"]!.GetValue<string>().Contains("Empresa Contato", StringComparison.Ordinal));

        var (stranger, _) = await JobsScenario.LearnerAsync(app);
        await (await stranger.PostAsync($"/v1/me/contact-requests/{incoming["id"]}/accept", null)).AssertProblemAsync(HttpStatusCode.NotFound);

        var accepted = await learner.PostAsync($"/v1/me/contact-requests/{incoming["id"]}/accept", null);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("accepted", (await accepted.ReadJsonAsync())["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await learner.PostAsync($"/v1/me/contact-requests/{incoming["id"]}/accept", null)).StatusCode);
        await (await learner.PostAsync($"/v1/me/contact-requests/{incoming["id"]}/decline", null)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

        var list = await (await company.Client.GetAsync("/v1/companies/me/contact-requests")).ReadJsonAsync();
        Assert.Equal(user.Email, list.AsArray().Single()!["candidate"]!["email"]!.GetValue<string>());
        row = await CandidateRowAsync(company, job, user.Id);
        Assert.Equal("accepted", row["contactStatus"]!.GetValue<string>());
        Assert.Equal(user.Email, row["candidate"]!["email"]!.GetValue<string>());

        await PublishedEvents.SettledAsync(app.Services);
        var companyNews = await (await company.Client.GetAsync("/v1/me/notifications")).ReadJsonAsync();
        Assert.Single(companyNews["items"]!.AsArray(), n => n!["kind"]!.GetValue<string>() == "contact_answer");
        var access = (await (await learner.GetAsync("/v1/me/company-access")).ReadJsonAsync()).AsArray().Select(a => a!["action"]!.GetValue<string>()).ToList();
        Assert.Contains("contact.requested", access);
        Assert.Contains("contact.viewed", access);
    }

    [Fact]
    public async Task OptingOut_HidesPendingRequestsFromTheCompany_AndDeclinedMeansNoEmail()
    {
        var admin = await JobsScenario.AdminAsync(app);
        var company = await JobsScenario.CompanyAsync(app, admin);
        var (leaving, leavingUser) = await JobsScenario.LearnerAsync(app);
        var (declining, decliningUser) = await JobsScenario.LearnerAsync(app);
        await DiscoverableAsync(leaving);
        await DiscoverableAsync(declining);
        foreach (var id in new[] { leavingUser.Id, decliningUser.Id })
        {
            Assert.Equal(HttpStatusCode.Created, (await company.Client.PostAsJsonAsync("/v1/companies/me/contact-requests", new { candidateId = id, message = "Olá!" })).StatusCode);
        }

        var declineId = (await (await declining.GetAsync("/v1/me/contact-requests")).ReadJsonAsync())[0]!["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await declining.PostAsync($"/v1/me/contact-requests/{declineId}/decline", null)).StatusCode);
        await DiscoverableAsync(leaving, discoverable: false);

        var list = (await (await company.Client.GetAsync("/v1/companies/me/contact-requests")).ReadJsonAsync()).AsArray();
        var only = Assert.Single(list)!;
        Assert.Equal(decliningUser.Username, only["candidate"]!["username"]!.GetValue<string>());
        Assert.Equal("declined", only["status"]!.GetValue<string>());
        Assert.Null(only["candidate"]!["email"]);
        // The one who left still sees, and can answer, what the company asked.
        Assert.Single((await (await leaving.GetAsync("/v1/me/contact-requests")).ReadJsonAsync()).AsArray());
    }

    [Fact]
    public async Task ContactRequests_RefuseHiddenCandidatesBadInputOtherCompaniesJobsAndLearners_AndCountOnceUnderRaces()
    {
        var admin = await JobsScenario.AdminAsync(app);
        var company = await JobsScenario.CompanyAsync(app, admin);
        var rival = await JobsScenario.CompanyAsync(app, admin);
        var rivalJob = await JobsScenario.PostJobAsync(rival, JobsScenario.Job("Vaga da rival", ["go"]));
        var (hidden, hiddenUser) = await JobsScenario.LearnerAsync(app);
        var (open, openUser) = await JobsScenario.LearnerAsync(app);
        await DiscoverableAsync(open);

        Task<HttpResponseMessage> Send(JobsScenario.Company from, object body) => from.Client.PostAsJsonAsync("/v1/companies/me/contact-requests", body);

        await (await Send(company, new { candidateId = hiddenUser.Id, message = "Olá" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await Send(company, new { candidateId = Guid.NewGuid(), message = "Olá" })).AssertProblemAsync(HttpStatusCode.NotFound);
        var empty = await (await Send(company, new { candidateId = openUser.Id, message = "  " })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(empty["errors"]!["message"]);
        await (await Send(company, new { message = "Olá" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await Send(company, new { candidateId = openUser.Id, message = new string('a', 1_001) })).AssertProblemAsync(HttpStatusCode.BadRequest);
        var foreign = await (await Send(company, new { candidateId = openUser.Id, jobId = rivalJob["id"]!.GetValue<string>(), message = "Olá" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(foreign["errors"]!["jobId"]);
        var pending = await JobsScenario.CompanyAsync(app);
        await (await Send(pending, new { candidateId = openUser.Id, message = "Olá" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await hidden.PostAsJsonAsync("/v1/companies/me/contact-requests", new { candidateId = openUser.Id, message = "Olá" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);

        // A company of its own: the requests above spent most of this one's per-minute allowance.
        var racer = await JobsScenario.CompanyAsync(app, admin);
        var racing = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Send(racer, new { candidateId = openUser.Id, message = "Olá, tudo bem?" })));
        Assert.Equal(1, racing.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(racing.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Single((await (await open.GetAsync("/v1/me/contact-requests")).ReadJsonAsync()).AsArray());
        Assert.Empty((await (await rival.Client.GetAsync("/v1/companies/me/contact-requests")).ReadJsonAsync()).AsArray());
        await PublishedEvents.SettledAsync(app.Services);
        var notified = await (await open.GetAsync("/v1/me/notifications")).ReadJsonAsync();
        Assert.Single(notified["items"]!.AsArray(), n => n!["kind"]!.GetValue<string>() == "contact_request");
    }
}
