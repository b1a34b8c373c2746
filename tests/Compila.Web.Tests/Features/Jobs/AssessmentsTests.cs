using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Compila.Web.Tests.Features.Portfolio;
using Compila.Web.Tests.Infrastructure;
using Microsoft.IdentityModel.Tokens;

namespace Compila.Web.Tests.Features.Jobs;

public sealed class AssessmentsTests(CompilaApp app) : IClassFixture<CompilaApp>
{
    async Task<JobsScenario.Company> ApprovedCompanyAsync() => await JobsScenario.CompanyAsync(app, await JobsScenario.AdminAsync(app));

    [Fact]
    public async Task Assessment_CountsOnlyPassesAfterTheClaim_SignedAsPortfolioItems_AndOnlyItsCompanySeesThem()
    {
        var company = await ApprovedCompanyAsync();
        var challenges = (await PortfolioScenario.ChallengesAsync(app.Services)).Take(3).ToList();
        var (asked, before, other) = (challenges[0], challenges[1], challenges[2]);
        var created = await company.Client.PostAsJsonAsync("/v1/assessments", new
        {
            title = "Etapa técnica — processo Gupy 123",
            challenges = new[] { asked.Slug, before.Slug },
            closesAt = DateTimeOffset.UtcNow.AddDays(3),
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var assessment = await created.ReadJsonAsync();
        var token = assessment["token"]!.GetValue<string>();
        Assert.Equal($"/avaliacoes/{token}", assessment["link"]!.GetValue<string>());
        Assert.Equal("sent", assessment["status"]!.GetValue<string>());
        var id = assessment["id"]!.GetValue<string>();

        var (learner, user) = await JobsScenario.LearnerAsync(app);
        // Solved before the link reached them: the assessment asks for work done in its window, after the claim.
        await PortfolioScenario.JudgeAsync(app.Services, user.Id, before, "python", passed: true, DateTimeOffset.UtcNow.AddHours(-2));
        await PublishedEvents.SettledAsync(app.Services);

        var claimed = await learner.PostAsJsonAsync("/v1/me/assessments/claim", new { token });
        Assert.Equal(HttpStatusCode.OK, claimed.StatusCode);
        var view = await claimed.ReadJsonAsync();
        Assert.Equal("in_progress", view["status"]!.GetValue<string>());
        Assert.Null(view["token"]);
        Assert.All(view["challenges"]!.AsArray(), c => Assert.False(c!["passed"]!.GetValue<bool>()));

        var passedAt = DateTimeOffset.UtcNow.AddSeconds(1);
        var (submissionId, eventIds) = await PortfolioScenario.JudgeAsync(app.Services, user.Id, asked, "go", passed: true, passedAt);
        await PortfolioScenario.JudgeAsync(app.Services, user.Id, other, "go", passed: true, passedAt);
        await PublishedEvents.SettledAsync(app.Services);
        // A redelivered event (a worker died after handling it) records nothing twice.
        await PortfolioScenario.RedeliverAsync(app.Services, eventIds);
        await PublishedEvents.SettledAsync(app.Services);

        var results = await (await company.Client.GetAsync($"/v1/assessments/{id}")).ReadJsonAsync();
        var rows = results["challenges"]!.AsArray();
        Assert.Equal([asked.Slug, before.Slug], rows.Select(c => c!["slug"]!.GetValue<string>()));
        Assert.True(rows[0]!["passed"]!.GetValue<bool>());
        Assert.Equal(submissionId.ToString(), rows[0]!["submissionId"]!.GetValue<string>());
        Assert.Equal("go", rows[0]!["language"]!.GetValue<string>());
        Assert.False(rows[1]!["passed"]!.GetValue<bool>());
        Assert.Equal(user.Username, results["candidate"]!["username"]!.GetValue<string>());
        Assert.Equal(user.Email, results["candidate"]!["email"]!.GetValue<string>());

        var verification = rows[0]!["verification"]!;
        var payload = verification["payload"]!.GetValue<string>();
        Assert.Contains($"\"submissionId\":\"{submissionId}\"", payload, StringComparison.Ordinal);
        Assert.Contains($"\"assessmentId\":\"{id}\"", payload, StringComparison.Ordinal);
        var keys = await (await app.CreateClient().GetAsync(verification["keysUrl"]!.GetValue<string>())).ReadJsonAsync();
        var jwk = keys["keys"]!.AsArray().Single(k => k!["kid"]!.GetValue<string>() == verification["keyId"]!.GetValue<string>())!;
        using var key = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = Base64UrlEncoder.DecodeBytes(jwk["x"]!.GetValue<string>()), Y = Base64UrlEncoder.DecodeBytes(jwk["y"]!.GetValue<string>()) },
        });
        var signature = Base64UrlEncoder.DecodeBytes(verification["signature"]!.GetValue<string>());
        Assert.True(Verify(key, payload, signature));
        Assert.False(Verify(key, payload.Replace("\"language\":\"go\"", "\"language\":\"rust\"", StringComparison.Ordinal), signature));

        var mine = await (await learner.GetAsync("/v1/me/assessments")).ReadJsonAsync();
        Assert.True(mine.AsArray().Single()!["challenges"]![0]!["passed"]!.GetValue<bool>());
        Assert.Null(mine[0]!["candidate"]);
        var access = await (await learner.GetAsync("/v1/me/company-access")).ReadJsonAsync();
        Assert.Contains(access.AsArray(), a => a!["action"]!.GetValue<string>() == "assessment.viewed");

        var listed = await (await company.Client.GetAsync("/v1/assessments")).ReadJsonAsync();
        Assert.Equal(id, listed.AsArray().Single()!["id"]!.GetValue<string>());
        Assert.Null(listed[0]!["token"]);

        static bool Verify(ECDsa key, string payload, byte[] signature) =>
            key.VerifyData(Encoding.UTF8.GetBytes(payload), signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    [Fact]
    public async Task AssessmentLink_BelongsToItsFirstCandidate_AndResultsToItsCompany()
    {
        var company = await ApprovedCompanyAsync();
        var rival = await ApprovedCompanyAsync();
        var slug = (await PortfolioScenario.ChallengesAsync(app.Services))[0].Slug;
        var assessment = await (await company.Client.PostAsJsonAsync("/v1/assessments",
            new { title = "Teste", challenges = new[] { slug }, closesAt = DateTimeOffset.UtcNow.AddDays(1) })).ReadJsonAsync();
        var token = assessment["token"]!.GetValue<string>();
        var (first, _) = await JobsScenario.LearnerAsync(app);
        var (second, _) = await JobsScenario.LearnerAsync(app);

        Assert.Equal(HttpStatusCode.OK, (await first.PostAsJsonAsync("/v1/me/assessments/claim", new { token })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.PostAsJsonAsync("/v1/me/assessments/claim", new { token })).StatusCode);
        await (await second.PostAsJsonAsync("/v1/me/assessments/claim", new { token })).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await (await second.GetAsync("/v1/me/assessments")).ReadJsonAsync()).AsArray());

        await (await rival.Client.GetAsync($"/v1/assessments/{assessment["id"]}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await (await rival.Client.GetAsync("/v1/assessments")).ReadJsonAsync()).AsArray());
        await (await first.GetAsync($"/v1/assessments/{assessment["id"]}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await app.CreateClient().GetAsync($"/v1/assessments/{assessment["id"]}")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await company.Client.PostAsJsonAsync("/v1/me/assessments/claim", new { token })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await first.PostAsJsonAsync("/v1/me/assessments/claim", new { token = "curto" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await first.PostAsJsonAsync("/v1/me/assessments/claim", new { token = new string('x', 43) })).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CreatingAnAssessment_RejectsBadWindowsUnknownChallengesAndLearners()
    {
        var company = await ApprovedCompanyAsync();
        var slug = (await PortfolioScenario.ChallengesAsync(app.Services))[0].Slug;
        var now = DateTimeOffset.UtcNow;

        async Task<JsonNode> Rejected(object body, string field)
        {
            var problem = await (await company.Client.PostAsJsonAsync("/v1/assessments", body)).AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.NotNull(problem["errors"]![field]);
            return problem;
        }

        await Rejected(new { title = "T", challenges = new[] { slug }, closesAt = now.AddHours(-1) }, "closesAt");
        await Rejected(new { title = "T", challenges = new[] { slug }, opensAt = now.AddDays(2), closesAt = now.AddDays(1) }, "closesAt");
        await Rejected(new { title = "T", challenges = new[] { slug }, closesAt = now.AddDays(45) }, "closesAt");
        await Rejected(new { title = "T", challenges = Array.Empty<string>(), closesAt = now.AddDays(1) }, "challenges");
        await Rejected(new { title = "T", challenges = Enumerable.Range(0, 11).Select(i => $"d{i}").ToArray(), closesAt = now.AddDays(1) }, "challenges");
        var unknown = await Rejected(new { title = "T", challenges = new[] { slug, "nao-existe" }, closesAt = now.AddDays(1) }, "challenges");
        Assert.Contains("nao-existe", unknown["errors"]!["challenges"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        await Rejected(new { title = "", challenges = new[] { slug }, closesAt = now.AddDays(1) }, "title");

        var (learner, _) = await JobsScenario.LearnerAsync(app);
        await (await learner.PostAsJsonAsync("/v1/assessments", new { title = "T", challenges = new[] { slug }, closesAt = now.AddDays(1) }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        var unapproved = await JobsScenario.CompanyAsync(app);
        var pending = await (await unapproved.Client.PostAsJsonAsync("/v1/assessments", new { title = "T", challenges = new[] { slug }, closesAt = now.AddDays(1) }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("aprovada", pending["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExpiredLink_CannotBeClaimed()
    {
        var company = await ApprovedCompanyAsync();
        var slug = (await PortfolioScenario.ChallengesAsync(app.Services))[0].Slug;
        var assessment = await (await company.Client.PostAsJsonAsync("/v1/assessments",
            new { title = "Teste rápido", challenges = new[] { slug }, closesAt = DateTimeOffset.UtcNow.AddSeconds(2) })).ReadJsonAsync();
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var (learner, _) = await JobsScenario.LearnerAsync(app);
        var problem = await (await learner.PostAsJsonAsync("/v1/me/assessments/claim", new { token = assessment["token"]!.GetValue<string>() }))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("prazo", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("closed", (await (await company.Client.GetAsync($"/v1/assessments/{assessment["id"]}")).ReadJsonAsync())["status"]!.GetValue<string>());
    }
}
