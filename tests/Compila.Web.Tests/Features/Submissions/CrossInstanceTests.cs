using Compila.Web.Tests.Infrastructure;

namespace Compila.Web.Tests.Features.Submissions;

public sealed class CrossInstanceTests
{
    [Fact]
    public async Task WithRedis_ASocketOnAnApiInstance_FollowsAWorkerOnAnother()
    {
        using var redis = new RedisServer();
        using var database = new TestDatabase();
        using var worker = CompilaApp.With(new() { ["Compila:Redis"] = redis.ConnectionString, ["Compila:Role"] = "Worker" }, database);
        using var api = CompilaApp.With(new() { ["Compila:Redis"] = redis.ConnectionString, ["Compila:Role"] = "Api" }, database);
        _ = worker.Services;
        var client = api.CreateClient();
        var user = await client.RegisterAsync();
        var challengeId = await SubmissionScenario.ChallengeIdAsync(client);

        await using var solve = await SolveClient.ConnectAsync(api, user.AccessToken);
        await solve.SendAsync(new { challenge_id = challengeId, language = "python", code = SubmissionScenario.PythonSolution });
        var messages = await solve.ReceiveAllAsync();

        Assert.Equal("complete", messages[^1]["type"]!.GetValue<string>());
        Assert.Equal("passed", messages[^1]["submission"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnApiOnlyInstance_NeverJudges()
    {
        using var api = CompilaApp.With(new() { ["Compila:Role"] = "Api" });
        var client = api.CreateClient();
        var user = await client.RegisterAsync();
        client.Authorized(user.AccessToken);
        var challengeId = await SubmissionScenario.ChallengeIdAsync(client);

        var id = await SubmissionScenario.SubmitAsync(client, challengeId, "python", SubmissionScenario.PythonSolution);
        await Task.Delay(TimeSpan.FromSeconds(3));

        var body = await (await client.GetAsync($"/v1/submissions/{id}")).ReadJsonAsync();
        Assert.Equal("pending", body["status"]!.GetValue<string>());
    }
}
