using System.Net;
using System.Net.Http.Json;
using Compila.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Compila.Web.Tests.Features.Submissions;

/// <summary>Issue 14 point 7: clients that go away early and learners who submit at once are normal traffic, not errors.</summary>
public sealed class SubmissionLoggingTests
{
    [Fact]
    public async Task DroppedSolveSockets_AndConcurrentSubmits_LogNoErrorsWithExceptions()
    {
        var logs = new CapturedLogs();
        using var origin = new CompilaApp();
        using var app = origin.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<ILoggerProvider>(logs)));
        var client = app.CreateClient();
        var user = await client.RegisterAsync();
        client.Authorized(user.AccessToken);
        var detail = await (await client.GetAsync($"/v1/challenges/{SubmissionScenario.Challenge.Slug}")).ReadJsonAsync();
        var challengeId = Guid.Parse(detail["id"]!.GetValue<string>());

        var submits = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            client.PostAsJsonAsync($"/v1/challenges/{challengeId}/submit", new { language = "python", code = SubmissionScenario.PythonStarter })));
        Assert.All(submits, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));

        var sockets = new List<Task>();
        for (var i = 0; i < 4; i++)
        {
            var dropBeforeSending = i % 2 == 0;
            sockets.Add(Task.Run(async () =>
            {
                var solve = await SolveClient.ConnectAsync(app, user.AccessToken);
                if (!dropBeforeSending)
                {
                    await solve.SendAsync(new { challenge_id = challengeId, language = "python", code = SubmissionScenario.PythonStarter });
                }

                await solve.AbortAsync();
            }));
        }

        await Task.WhenAll(sockets);
        var ids = new List<Guid>();
        foreach (var response in submits)
        {
            ids.Add(Guid.Parse((await response.ReadJsonAsync())["submissionId"]!.GetValue<string>()));
        }

        foreach (var id in ids)
        {
            await SubmissionScenario.WaitJudgedAsync(client, id, 180);
        }

        // Let the aborted sockets' handlers run to their end.
        await Task.Delay(1000);
        var errors = logs.Entries.Where(e => e.Level >= LogLevel.Error && e.Exception is not null).ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine + Environment.NewLine, errors));
    }
}
