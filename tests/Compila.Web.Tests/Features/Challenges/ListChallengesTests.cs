using System.Net;
using System.Text.Json.Nodes;
using Compila.Web.Tests.Infrastructure;

namespace Compila.Web.Tests.Features.Challenges;

public sealed class ListChallengesTests(CompilaApp app) : IClassFixture<CompilaApp>
{
    async Task<JsonNode> GetPage(string query)
    {
        var response = await app.CreateClient().GetAsync("/v1/challenges" + query);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    [Fact]
    public async Task List_Anonymous_ReturnsEveryPublishedChallenge()
    {
        var page = await GetPage("?size=100");

        Assert.Equal(CatalogFixture.Published.Count, page["total"]!.GetValue<int>());
        Assert.True(CatalogFixture.Published.Count >= 30, "the catalog must hold at least 30 published challenges");
        var slugs = page["items"]!.AsArray().Select(i => i!["slug"]!.GetValue<string>()).ToHashSet();
        Assert.Equal(CatalogFixture.Published.Select(c => c.Slug).ToHashSet(), slugs);
    }

    [Theory]
    [InlineData("frontend")]
    [InlineData("backend")]
    [InlineData("devops")]
    [InlineData("data")]
    public async Task List_ByStack_ReturnsOnlyThatStack(string stack)
    {
        var page = await GetPage($"?stack={stack}&size=100");

        var expected = CatalogFixture.Published.Count(c => c.StackName == stack);
        Assert.True(expected > 0, $"the catalog has no {stack} challenge");
        Assert.Equal(expected, page["total"]!.GetValue<int>());
        Assert.All(page["items"]!.AsArray(), i => Assert.Equal(stack, i!["stack"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("beginner")]
    [InlineData("junior")]
    [InlineData("mid")]
    [InlineData("senior")]
    [InlineData("expert")]
    public async Task List_ByLevel_ReturnsOnlyThatLevel(string level)
    {
        var page = await GetPage($"?level={level}&size=100");

        var expected = CatalogFixture.Published.Count(c => c.LevelName == level);
        Assert.True(expected > 0, $"the catalog has no {level} challenge");
        Assert.Equal(expected, page["total"]!.GetValue<int>());
        Assert.All(page["items"]!.AsArray(), i => Assert.Equal(level, i!["level"]!.GetValue<string>()));
    }

    [Fact]
    public async Task List_ByTechnologyAndTag_MatchesTheCatalog()
    {
        var technology = CatalogFixture.Published.SelectMany(c => c.Technologies).GroupBy(t => t.ToLowerInvariant()).OrderByDescending(g => g.Count()).First().Key;
        var tag = CatalogFixture.Published.SelectMany(c => c.Tags).GroupBy(t => t.ToLowerInvariant()).OrderByDescending(g => g.Count()).First().Key;

        var byTechnology = await GetPage($"?technology={Uri.EscapeDataString(technology)}&size=100");
        var byTag = await GetPage($"?tag={Uri.EscapeDataString(tag)}&size=100");
        var both = await GetPage($"?technology={Uri.EscapeDataString(technology)}&tag={Uri.EscapeDataString(tag)}&size=100");

        Assert.Equal(CatalogFixture.Published.Count(c => c.Technologies.Contains(technology, StringComparer.OrdinalIgnoreCase)), byTechnology["total"]!.GetValue<int>());
        Assert.Equal(CatalogFixture.Published.Count(c => c.Tags.Contains(tag, StringComparer.OrdinalIgnoreCase)), byTag["total"]!.GetValue<int>());
        Assert.Equal(
            CatalogFixture.Published.Count(c => c.Tags.Contains(tag, StringComparer.OrdinalIgnoreCase) && c.Technologies.Contains(technology, StringComparer.OrdinalIgnoreCase)),
            both["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task List_Search_IgnoresCaseAndAccents()
    {
        var challenge = CatalogFixture.Published.First(c => c.Title.Any(ch => "áàâãéêíóôõúç".Contains(char.ToLowerInvariant(ch))));
        var word = challenge.Title.Split(' ').First(w => w.Any(ch => "áàâãéêíóôõúç".Contains(char.ToLowerInvariant(ch))));
        var folded = new string(word.Normalize(System.Text.NormalizationForm.FormD)
            .Where(ch => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(ch) != System.Globalization.UnicodeCategory.NonSpacingMark)
            .ToArray()).ToUpperInvariant();

        var page = await GetPage($"?q={Uri.EscapeDataString(folded)}&size=100");

        Assert.Contains(page["items"]!.AsArray(), i => i!["slug"]!.GetValue<string>() == challenge.Slug);
    }

    [Fact]
    public async Task List_Paging_WalksTheWholeCatalogWithoutOverlap()
    {
        var seen = new List<string>();
        var total = 0;
        for (var page = 1; page <= 20; page++)
        {
            var body = await GetPage($"?page={page}&size=7&sort=title");
            total = body["total"]!.GetValue<int>();
            Assert.Equal(7, body["size"]!.GetValue<int>());
            var items = body["items"]!.AsArray();
            if (items.Count == 0)
            {
                break;
            }

            seen.AddRange(items.Select(i => i!["slug"]!.GetValue<string>()));
        }

        Assert.Equal(total, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task List_SortedByDifficulty_IsAscending_AndReverse()
    {
        var ascending = await GetPage("?sort=difficulty&size=100");
        var descending = await GetPage("?sort=-difficulty&size=100");

        var up = ascending["items"]!.AsArray().Select(i => i!["difficulty"]!.GetValue<int>()).ToList();
        var down = descending["items"]!.AsArray().Select(i => i!["difficulty"]!.GetValue<int>()).ToList();
        Assert.Equal(up.Order().ToList(), up);
        Assert.Equal(down.OrderDescending().ToList(), down);
        Assert.NotEqual(up.First(), up.Last());
    }

    [Theory]
    [InlineData("?stack=quantum", "stack")]
    [InlineData("?level=ninja", "level")]
    [InlineData("?sort=random", "sort")]
    [InlineData("?size=1000", "size")]
    [InlineData("?page=0", "page")]
    [InlineData("?size=0", "size")]
    public async Task List_WithAnUnknownFilterValue_Returns400(string query, string field)
    {
        var response = await app.CreateClient().GetAsync("/v1/challenges" + query);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]![field]);
    }

    [Fact]
    public async Task List_WithANonNumericPage_Returns400()
    {
        var response = await app.CreateClient().GetAsync("/v1/challenges?page=abc");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}
