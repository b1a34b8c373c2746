using System.Text.Json;
using Compila.Web.Features.Challenges.Content;
using Compila.Web.Features.Challenges.Contracts;
using Compila.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Compila.Web.Features.Gamification;

/// <summary>One award rule of <c>content/badges/badges.yaml</c>.</summary>
public sealed class BadgeRule
{
    public string Kind { get; set; } = "";
    public int? Count { get; set; }
    public int? Days { get; set; }
    public int? Languages { get; set; }
    public string? Stack { get; set; }
    public string? Level { get; set; }
}

internal sealed class BadgeDefinition
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public string Rarity { get; set; } = "common";
    public string Category { get; set; } = "achievement";
    public BadgeRule Rule { get; set; } = new();
}

/// <summary>Reads the badge catalog and keeps the <c>badges</c> table in step with it.</summary>
public sealed class BadgeCatalog(IOptions<ContentOptions> options, CompilaDb db, IChallengeCatalog catalog, ILogger<BadgeCatalog> logger)
{
    static readonly string[] Kinds = ["submissions", "passes", "streak", "polyglot", "first_try", "stack_level", "challenge"];

    public string BadgesDirectory => Path.Combine(options.Value.ResolvedRoot, "badges");

    internal IReadOnlyList<BadgeDefinition> Load()
    {
        var path = Path.Combine(BadgesDirectory, "badges.yaml");
        if (!File.Exists(path))
        {
            return [];
        }

        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        List<BadgeDefinition>? badges;
        try
        {
            badges = deserializer.Deserialize<List<BadgeDefinition>>(File.ReadAllText(path));
        }
        catch (YamlException ex)
        {
            throw new InvalidOperationException($"content/badges/badges.yaml:{ex.Start.Line}: {ex.Message}", ex);
        }

        foreach (var badge in badges ?? [])
        {
            if (!Kinds.Contains(badge.Rule.Kind))
            {
                throw new InvalidOperationException($"content/badges/badges.yaml: badge '{badge.Id}' has unknown rule kind '{badge.Rule.Kind}'.");
            }

            if (!File.Exists(Path.Combine(BadgesDirectory, "icons", badge.Id + ".svg")))
            {
                throw new InvalidOperationException($"content/badges/icons/{badge.Id}.svg is missing.");
            }
        }

        return badges ?? [];
    }

    public async Task<int> ImportAsync(CancellationToken ct)
    {
        var definitions = Load();
        var existing = await db.Set<Badge>().ToDictionaryAsync(b => b.Id, ct);
        foreach (var definition in definitions)
        {
            if (!existing.TryGetValue(definition.Id, out var badge))
            {
                badge = new Badge { Id = definition.Id, Name = definition.Name, Rule = "{}" };
                db.Set<Badge>().Add(badge);
            }

            badge.Name = definition.Name;
            badge.Description = definition.Description;
            badge.Rarity = definition.Rarity;
            badge.Category = definition.Category;
            badge.IconUrl = $"/v1/badges/{definition.Id}.svg";
            badge.Rule = JsonSerializer.Serialize(definition.Rule, JsonSerializerOptions.Web);
        }

        await db.SaveChangesAsync(ct);
        var referenced = (await catalog.Published().Select(c => c.Badges).ToListAsync(ct)).SelectMany(b => b).Distinct();
        foreach (var missing in referenced.Where(id => definitions.All(d => d.Id != id)))
        {
            logger.LogWarning("A challenge awards badge '{BadgeId}', which content/badges/badges.yaml does not define.", missing);
        }

        return definitions.Count;
    }

    internal static BadgeRule ParseRule(string json) => JsonSerializer.Deserialize<BadgeRule>(json, JsonSerializerOptions.Web)!;
}
