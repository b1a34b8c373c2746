using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Compila.ChallengeSuites.Specs;
using Compila.Web.Tests.Infrastructure;

namespace Compila.Web.Tests.Features.Challenges;

public sealed class GetChallengeTests(CompilaApp app) : IClassFixture<CompilaApp>
{
    [Fact]
    public async Task GetBySlug_ReturnsDescriptionExamplesAndStarterCodePerLanguage()
    {
        var challenge = CatalogFixture.Published.First(c => c.Tests is FunctionTestSpec);

        var response = await app.CreateClient().GetAsync($"/v1/challenges/{challenge.Slug}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal(challenge.Title, body["title"]!.GetValue<string>());
        Assert.Equal(challenge.Description, body["description"]!.GetValue<string>());
        Assert.Equal(challenge.Requirements.Count, body["requirements"]!.AsArray().Count);
        var visible = ((FunctionTestSpec)challenge.Tests).Cases.Where(c => !c.Hidden).ToList();
        Assert.Equal(visible.Count, body["examples"]!.AsArray().Count);
        Assert.Equal(visible[0].Name, body["examples"]![0]!["name"]!.GetValue<string>());
        foreach (var (language, code) in challenge.Languages)
        {
            var files = body["starterCode"]![language]!.AsArray();
            Assert.Equal(code.Starter[0].Content, files[0]!["content"]!.GetValue<string>());
        }

        Assert.Empty(body["testFiles"]!.AsObject());
    }

    /// <summary>A scenario challenge has no test files to show (the native kind that had them is gone) and its hidden cases stay hidden.</summary>
    [Fact]
    public async Task GetBySlug_OfAScenarioChallenge_ShowsNoTestFiles_AndNoHiddenCase()
    {
        var challenge = CatalogFixture.Published.First(c => c.Tests is ScenarioTestSpec);
        var scenario = (ScenarioTestSpec)challenge.Tests;

        var body = await (await app.CreateClient().GetAsync($"/v1/challenges/{challenge.Slug}")).ReadJsonAsync();

        Assert.Empty(body["testFiles"]!.AsObject());
        var shown = string.Join("\n", Strings(body));
        Assert.All(scenario.Cases.Where(c => c.Hidden), c => Assert.DoesNotContain(c.Name, shown, StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetBySlug_Unknown_Returns404()
    {
        var response = await app.CreateClient().GetAsync("/v1/challenges/desafio-que-nao-existe");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task NoResponse_ContainsASolutionOrAHiddenCase()
    {
        var client = app.CreateClient();
        var documents = new List<string> { await client.GetStringAsync("/v1/challenges?size=100") };
        foreach (var challenge in CatalogFixture.Published)
        {
            documents.Add(await client.GetStringAsync($"/v1/challenges/{challenge.Slug}"));
        }

        var everything = string.Join("\n", documents);
        var decoded = JsonNode.Parse("[" + string.Join(",", documents) + "]")!.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        foreach (var challenge in CatalogFixture.Published)
        {
            foreach (var (language, code) in challenge.Languages)
            {
                var starterLines = code.Starter.SelectMany(f => f.Content.Split('\n')).Select(l => l.Trim()).ToHashSet();
                var distinctive = code.Solution.SelectMany(f => f.Content.Split('\n')).Select(l => l.Trim())
                    .Where(l => l.Length >= 30 && !starterLines.Contains(l)).ToList();
                foreach (var line in distinctive)
                {
                    Assert.False(decoded.Contains(line, StringComparison.Ordinal), $"{challenge.Slug}/{language}: solution line leaked: {line}");
                }
            }

            var detail = JsonNode.Parse(documents[CatalogFixture.Published.ToList().IndexOf(challenge) + 1])!;
            var shownNames = detail["examples"]!.AsArray().Select(e => e!["name"]!.GetValue<string>()).ToHashSet();
            if (challenge.Tests is FunctionTestSpec function)
            {
                var visibleArgs = function.Cases.Where(c => !c.Hidden).Select(c => Compact(c.Args)).ToHashSet();
                foreach (var hidden in function.Cases.Where(c => c.Hidden))
                {
                    Assert.DoesNotContain(hidden.Name, shownNames);
                    // A hidden case's arguments are its secret; search every response for them when they are distinctive.
                    var args = Compact(hidden.Args);
                    if (args.Length >= 12 && !visibleArgs.Contains(args))
                    {
                        var inner = args[1..^1];
                        Assert.False(decoded.Contains(inner, StringComparison.Ordinal), $"{challenge.Slug}: hidden case arguments leaked: {inner}");
                    }
                }
            }
            else if (challenge.Tests is StdioTestSpec stdio)
            {
                foreach (var hidden in stdio.Cases.Where(c => c.Hidden))
                {
                    Assert.DoesNotContain(hidden.Name, shownNames);
                    if (hidden.Stdin.Trim().Length >= 12 && stdio.Cases.Where(c => !c.Hidden).All(v => v.Stdin != hidden.Stdin))
                    {
                        Assert.False(everything.Contains(JsonSerializer.Serialize(hidden.Stdin.Trim())[1..^1], StringComparison.Ordinal), $"{challenge.Slug}: hidden stdin leaked");
                    }
                }
            }
        }

        foreach (var forbidden in new[] { "\"solutionCode\"", "\"solution_code\"", "\"solution\"", "\"hidden\"", "\"tests\"" })
        {
            Assert.DoesNotContain(forbidden, everything, StringComparison.OrdinalIgnoreCase);
        }
    }

    static string Compact(IReadOnlyList<JsonNode?> args) =>
        new JsonArray(args.Select(a => a?.DeepClone()).ToArray()).ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => [v.GetValue<string>()],
        _ => [],
    };
}
