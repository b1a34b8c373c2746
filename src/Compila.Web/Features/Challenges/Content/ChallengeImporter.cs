using Compila.Web.Infrastructure.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Compila.ChallengeSuites.Content;
using Compila.ChallengeSuites.Specs;
using Compila.Web.Infrastructure.Caching;
using Compila.Web.Infrastructure.Data;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Compila.Web.Features.Challenges.Content;

public sealed record ImportReport(int Created, int Updated, int Unchanged, int Unpublished, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public override string ToString() => Succeeded
        ? $"{Created} created, {Updated} updated, {Unchanged} unchanged, {Unpublished} unpublished"
        : $"import refused, {Errors.Count} error(s):{Environment.NewLine}" + string.Join(Environment.NewLine, Errors);
}

/// <summary>
/// Makes the <c>challenges</c> table match the content files: idempotent by slug, in one transaction, and
/// all-or-nothing: invalid content changes nothing.
/// </summary>
public sealed class ChallengeImporter(CompilaDb db, ChallengeContent content, IOutputCacheStore cache, TimeProvider clock)
{
    public async Task<ImportReport> ImportAsync(CancellationToken ct = default)
    {
        var load = content.Load();
        if (load.Catalog is not { } catalog)
        {
            return new ImportReport(0, 0, 0, 0, load.Errors.Select(e => e.ToString()).ToList());
        }

        var now = clock.GetUtcNow();
        int created = 0, updated = 0, unchanged = 0, unpublished = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var existing = await db.Challenges.ToDictionaryAsync(c => c.Slug, ct);
        foreach (var source in catalog.Challenges)
        {
            var hash = Hash(source);
            if (existing.TryGetValue(source.Slug, out var row))
            {
                if (row.ContentHash == hash && (row.PublishedAt is not null) == source.Published)
                {
                    unchanged++;
                    continue;
                }

                updated++;
            }
            else
            {
                row = new Challenge { Slug = source.Slug, Title = source.Title, Description = source.Description, CreatedAt = now };
                db.Challenges.Add(row);
                created++;
            }

            Apply(source, row, hash, now);
        }

        var slugs = catalog.Challenges.Select(c => c.Slug).ToHashSet();
        foreach (var removed in existing.Values.Where(c => !slugs.Contains(c.Slug) && c.PublishedAt is not null))
        {
            removed.PublishedAt = null;
            removed.UpdatedAt = now;
            unpublished++;
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        if (created + updated + unpublished > 0)
        {
            await cache.EvictPublicReadsAsync(ct);
        }

        return new ImportReport(created, updated, unchanged, unpublished, []);
    }

    static void Apply(ChallengeSuite source, Challenge row, string hash, DateTimeOffset now)
    {
        row.Title = source.Title;
        row.ShortDescription = source.ShortDescription;
        row.Description = source.Description;
        row.Stack = Enum.Parse<Contracts.ChallengeStack>(source.Stack.ToString());
        row.Level = Enum.Parse<Contracts.ChallengeLevel>(source.Level.ToString());
        row.Difficulty = source.Difficulty;
        row.Technologies = source.Technologies.Select(t => t.ToLowerInvariant()).ToList();
        row.Tags = source.Tags.Select(t => t.ToLowerInvariant()).ToList();
        row.Requirements = JsonSerializer.Serialize(source.Requirements, JsonSerializerOptions.Web);
        row.StarterCode = SerializeFiles(source.StarterCode);
        row.SolutionCode = SerializeFiles(source.SolutionCode);
        row.Examples = JsonSerializer.Serialize(VisibleExamples(source.Tests), JsonSerializerOptions.Web);
        row.TestFiles = null;
        row.Languages = source.Languages.Keys.Order(StringComparer.Ordinal).ToList();
        row.XpReward = source.XpReward;
        row.EstimatedTimeMinutes = source.EstimatedTimeMinutes;
        row.Badges = source.Badges.ToList();
        row.PublishedAt = source.Published ? row.PublishedAt ?? now : null;
        row.SearchText = SearchText.Fold(string.Join(' ', [row.Title, row.ShortDescription ?? "", row.Slug.Replace('-', ' '), .. row.Tags, .. row.Technologies]));
        row.ContentHash = hash;
        row.UpdatedAt = now;
    }

    /// <summary>Only visible cases; hidden ones never reach the database row the API reads.</summary>
    internal static List<ChallengeExample> VisibleExamples(TestSpec tests) => tests switch
    {
        FunctionTestSpec function => function.Cases.Where(c => !c.Hidden)
            .Select(c => new ChallengeExample(c.Name, new JsonArray(c.Args.Select(a => a?.DeepClone()).ToArray()), c.Expected?.DeepClone(), null, null))
            .ToList(),
        StdioTestSpec stdio => stdio.Cases.Where(c => !c.Hidden)
            .Select(c => new ChallengeExample(c.Name, null, null, c.Stdin, c.ExpectedStdout))
            .ToList(),
        _ => [],
    };

    static string SerializeFiles(IReadOnlyDictionary<string, IReadOnlyList<Judge.SourceFile>> files) =>
        JsonSerializer.Serialize(
            files.OrderBy(f => f.Key, StringComparer.Ordinal).ToDictionary(f => f.Key, f => f.Value.Select(s => new CodeFile(s.Path, s.Content)).ToList()),
            JsonSerializerOptions.Web);

    static string Hash(ChallengeSuite source)
    {
        var text = string.Join('\u001f',
            source.Title, source.ShortDescription, source.Description, source.Stack, source.Level, source.Difficulty,
            string.Join(',', source.Technologies), string.Join(',', source.Tags), string.Join('\u001e', source.Requirements),
            SerializeFiles(source.StarterCode), SerializeFiles(source.SolutionCode),
            JsonSerializer.Serialize(VisibleExamples(source.Tests), JsonSerializerOptions.Web),
            source.XpReward, source.EstimatedTimeMinutes, string.Join(',', source.Badges));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
