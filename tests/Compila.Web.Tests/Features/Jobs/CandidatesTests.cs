using System.Net;
using System.Net.Http.Json;
using Compila.Web.Tests.Infrastructure;

namespace Compila.Web.Tests.Features.Jobs;

public sealed class CandidatesTests(CompilaApp app) : IClassFixture<CompilaApp>
{
    [Fact]
    public async Task Companies_SeeOnlyOptedInCandidates_RankedByEvidence_WithoutContact_AndOptingOutIsImmediate()
    {
        var admin = await JobsScenario.AdminAsync(app);
        var company = await JobsScenario.CompanyAsync(app, admin);
        var language = "lang" + Guid.NewGuid().ToString("N")[..6];
        var job = await JobsScenario.PostJobAsync(company, JobsScenario.Job("Vaga rara", [language], level: "beginner"));
        var (strong, strongUser) = await JobsScenario.LearnerAsync(app);
        var (weak, weakUser) = await JobsScenario.LearnerAsync(app);
        var (hidden, hiddenUser) = await JobsScenario.LearnerAsync(app);
        await JobsScenario.PassAsync(app, strongUser.Id, language, 3);
        await JobsScenario.PassAsync(app, weakUser.Id, language, 1);
        await JobsScenario.PassAsync(app, hiddenUser.Id, language, 5);

        Assert.False((await (await strong.GetAsync("/v1/me/discoverable")).ReadJsonAsync())["discoverable"]!.GetValue<bool>());
        foreach (var client in new[] { strong, weak })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/v1/me/discoverable", new { discoverable = true })).StatusCode);
        }

        async Task<List<string>> Listed() =>
            (await (await company.Client.GetAsync($"/v1/jobs/{job["id"]}/candidates")).ReadJsonAsync()).AsArray()
                .Select(c => c!["candidate"]!["username"]!.GetValue<string>()).ToList();

        var listing = await company.Client.GetAsync($"/v1/jobs/{job["id"]}/candidates");
        Assert.True(listing.IsSuccessStatusCode, await listing.Content.ReadAsStringAsync());
        var candidates = await listing.ReadJsonAsync();
        Assert.Equal([strongUser.Username, weakUser.Username], candidates.AsArray().Select(c => c!["candidate"]!["username"]!.GetValue<string>()));
        Assert.Null(candidates[0]!["candidate"]!["email"]);
        Assert.Contains("3 desafios", candidates[0]!["explanation"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(candidates[0]!["score"]!.GetValue<int>() > candidates[1]!["score"]!.GetValue<int>());

        Assert.Equal(HttpStatusCode.OK, (await strong.PutAsJsonAsync("/v1/me/discoverable", new { discoverable = false })).StatusCode);
        Assert.Equal([weakUser.Username], await Listed());
        var access = await (await strong.GetAsync("/v1/me/company-access")).ReadJsonAsync();
        Assert.Contains(access.AsArray(), a => a!["action"]!.GetValue<string>() == "candidate.listed");
        Assert.Empty((await (await hidden.GetAsync("/v1/me/company-access")).ReadJsonAsync()).AsArray());

        await (await strong.PutAsJsonAsync("/v1/me/discoverable", new { })).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await company.Client.PutAsJsonAsync("/v1/me/discoverable", new { discoverable = true })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await strong.GetAsync($"/v1/jobs/{job["id"]}/candidates")).AssertProblemAsync(HttpStatusCode.Forbidden);
        var unapproved = await JobsScenario.CompanyAsync(app);
        var draft = await JobsScenario.PostJobAsync(unapproved, JobsScenario.Job("Vaga rara também", [language], level: "beginner"));
        var refused = await (await unapproved.Client.GetAsync($"/v1/jobs/{draft["id"]}/candidates")).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("aprovada", refused["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task JobsForMe_RankTheJobMyEvidenceFits_First_AndSayWhy()
    {
        var admin = await JobsScenario.AdminAsync(app);
        var company = await JobsScenario.CompanyAsync(app, admin);
        var language = "lang" + Guid.NewGuid().ToString("N")[..6];
        var fit = await JobsScenario.PostJobAsync(company, JobsScenario.Job("A minha vaga", [language], level: "beginner"));
        var gap = await JobsScenario.PostJobAsync(company, JobsScenario.Job("Outra vaga", [language, "kubernetes"], level: "beginner"));
        var (learner, user) = await JobsScenario.LearnerAsync(app);
        await JobsScenario.PassAsync(app, user.Id, language, 3);

        var ranked = (await (await learner.GetAsync("/v1/jobs/for-me")).ReadJsonAsync())["items"]!.AsArray()
            .Where(i => i!["job"]!["id"]!.GetValue<string>() == fit["id"]!.GetValue<string>() || i["job"]!["id"]!.GetValue<string>() == gap["id"]!.GetValue<string>())
            .ToList();

        Assert.Equal(["A minha vaga", "Outra vaga"], ranked.Select(i => i!["job"]!["title"]!.GetValue<string>()));
        Assert.True(ranked[0]!["score"]!.GetValue<int>() > ranked[1]!["score"]!.GetValue<int>());
        Assert.Contains("Falta: Kubernetes.", ranked[1]!["explanation"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["kubernetes"], ranked[1]!["missing"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/v1/jobs/for-me")).StatusCode);
    }
}
