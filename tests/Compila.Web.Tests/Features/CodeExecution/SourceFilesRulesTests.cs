using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Compila.Web.Tests.Features.Submissions;
using Compila.Web.Tests.Infrastructure;

namespace Compila.Web.Tests.Features.CodeExecution;

/// <summary>Running code and submitting it refuse the same bad files, field by field.</summary>
public sealed class SourceFilesRulesTests(CompilaApp app) : IClassFixture<CompilaApp>
{
    public static TheoryData<string, string> BadCode => new()
    {
        { """{"code":"print(1)","files":[{"path":"main.py","content":"print(1)"}]}""", "code" },
        { """{"files":[{"path":"a.py","content":"x"},{"path":"a.py","content":"y"}]}""", "files" },
        { """{"files":[{"path":"main.py"}]}""", "files[0].content" },
        { """{"files":[{"path":"../main.py","content":"x"}]}""", "files[0].path" },
        { """{"code":"   "}""", "code" },
        { """{"code":"print(1)\u0000"}""", "code" },
        { "{\"code\":\"" + new string('x', 64 * 1024 + 1) + "\"}", "code" },
        { "{\"files\":[" + string.Join(",", Enumerable.Range(0, 5).Select(i => $$"""{"path":"f{{i}}.py","content":"{{new string('x', 60 * 1024)}}"}""")) + "]}", "files" },
        { "{\"files\":[" + string.Join(",", Enumerable.Range(0, 21).Select(i => $$"""{"path":"f{{i}}.py","content":"x"}""")) + "]}", "files" },
    };

    [Theory, MemberData(nameof(BadCode))]
    public async Task ExecuteAndSubmit_RejectTheSameCode_OnTheSameField(string body, string field)
    {
        var client = app.CreateClient();
        client.Authorized((await client.RegisterAsync()).AccessToken);
        var challengeId = await SubmissionScenario.ChallengeIdAsync(client);
        var withLanguage = JsonNode.Parse(body)!.AsObject();
        withLanguage["language"] = "python";

        var execute = await client.PostAsJsonAsync("/v1/code/execute", withLanguage);
        var submit = await client.PostAsJsonAsync($"/v1/challenges/{challengeId}/submit", withLanguage);

        foreach (var response in new[] { execute, submit })
        {
            var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.True(problem["errors"]?[field] is not null, $"{response.RequestMessage!.RequestUri}: {problem.ToJsonString()}");
        }

        var history = await (await client.GetAsync("/v1/me/submissions")).ReadJsonAsync();
        Assert.Equal(0, history["total"]!.GetValue<int>());
    }
}
