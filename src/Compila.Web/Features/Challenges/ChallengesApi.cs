using Compila.Web.Infrastructure.Paging;
using Compila.Web.Infrastructure.Text;
using System.Text.Json;
using Compila.Web.Features.Challenges.Contracts;
using Compila.Web.Infrastructure.Caching;
using Compila.Web.Infrastructure.Data;
using Compila.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Compila.Web.Features.Challenges;

public static class ChallengesApi
{
    static readonly string[] Sorts = ["newest", "oldest", "difficulty", "-difficulty", "popular", "title", "xp"];

    public static RouteGroupBuilder MapChallengesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/challenges").WithTags("Challenges").AllowAnonymous();
        // The same for everyone: served from memory for up to Compila:Cache:PublicReadSeconds, evicted by imports.
        api.MapGet("/", List).WithName("ListChallenges").WithSummary("Lista os desafios publicados, com filtros e paginação.").CachePublicRead();
        api.MapGet("/{slug}", GetBySlug).WithName("GetChallenge").WithSummary("Detalhe de um desafio: enunciado, exemplos e código inicial.").CachePublicRead();
        return api;
    }

    internal static async Task<Results<Ok<Page<ChallengeSummary>>, ValidationProblem>> List(
        CompilaDb db,
        CancellationToken ct,
        string? stack = null,
        string? level = null,
        string? technology = null,
        string? tag = null,
        string? q = null,
        int page = 1,
        int size = 20,
        string sort = "newest")
    {
        var errors = new ValidationErrors();
        ChallengeStack stackFilter = default;
        ChallengeLevel levelFilter = default;
        if (stack is not null && !EnumLabels.TryParse(stack, out stackFilter))
        {
            errors.Add("stack", $"Stack desconhecida. Use: {string.Join(", ", EnumLabels.Labels<ChallengeStack>())}.");
        }

        if (level is not null && !EnumLabels.TryParse(level, out levelFilter))
        {
            errors.Add("level", $"Nível desconhecido. Use: {string.Join(", ", EnumLabels.Labels<ChallengeLevel>())}.");
        }

        ValidateTerm("technology", technology, 50, errors);
        ValidateTerm("tag", tag, 50, errors);
        ValidateTerm("q", q, 100, errors);
        errors.CheckPaging(page, size);

        if (!Sorts.Contains(sort))
        {
            errors.Add("sort", $"Ordenação desconhecida. Use: {string.Join(", ", Sorts)}.");
        }

        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var query = ChallengeRules.Published(db.Challenges).AsNoTracking();
        if (stack is not null)
        {
            query = query.Where(c => c.Stack == stackFilter);
        }

        if (level is not null)
        {
            query = query.Where(c => c.Level == levelFilter);
        }

        if (!string.IsNullOrWhiteSpace(technology))
        {
            var value = technology.Trim().ToLowerInvariant();
            query = query.Where(c => c.Technologies.Contains(value));
        }

        if (!string.IsNullOrWhiteSpace(tag))
        {
            var value = tag.Trim().ToLowerInvariant();
            query = query.Where(c => c.Tags.Contains(value));
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = SearchText.Fold(q);
            query = query.Where(c => c.SearchText.Contains(term));
        }

        query = sort switch
        {
            "oldest" => query.OrderBy(c => c.PublishedAt).ThenBy(c => c.Slug),
            "difficulty" => query.OrderBy(c => c.Difficulty).ThenBy(c => c.Slug),
            "-difficulty" => query.OrderByDescending(c => c.Difficulty).ThenBy(c => c.Slug),
            "popular" => query.OrderByDescending(c => c.CompletedCount).ThenBy(c => c.Slug),
            "title" => query.OrderBy(c => c.Title),
            "xp" => query.OrderByDescending(c => c.XpReward).ThenBy(c => c.Slug),
            _ => query.OrderByDescending(c => c.PublishedAt).ThenBy(c => c.Slug),
        };

        var total = await query.CountAsync(ct);
        var rows = await query.TakePage(page, size).ToListAsync(ct);
        return TypedResults.Ok(new Page<ChallengeSummary>(rows.Select(ToSummary).ToList(), page, size, total));
    }

    internal static async Task<Results<Ok<ChallengeDetail>, NotFound>> GetBySlug(string slug, CompilaDb db, CancellationToken ct)
    {
        var normalized = slug.Trim().ToLowerInvariant();
        var challenge = await ChallengeRules.Published(db.Challenges).AsNoTracking()
            .SingleOrDefaultAsync(c => c.Slug == normalized, ct);
        return challenge is null ? TypedResults.NotFound() : TypedResults.Ok(ToDetail(challenge));
    }

    static void ValidateTerm(string field, string? value, int max, ValidationErrors errors)
    {
        if (value is not null && (value.Length > max || TextRules.HasControlCharacters(value)))
        {
            errors.Add(field, $"Use até {max} caracteres, sem caracteres de controle.");
        }
    }

    internal static ChallengeSummary ToSummary(Challenge c) => new(
        c.Id, c.Slug, c.Title, c.ShortDescription, EnumLabels.ToLabel(c.Stack), EnumLabels.ToLabel(c.Level), c.Difficulty,
        c.Technologies, c.Tags, c.XpReward, c.EstimatedTimeMinutes, c.CompletedCount, c.AttemptedCount, c.SuccessRate,
        c.Languages, c.PublishedAt);

    static ChallengeDetail ToDetail(Challenge c) => new(
        c.Id, c.Slug, c.Title, c.ShortDescription, c.Description, EnumLabels.ToLabel(c.Stack), EnumLabels.ToLabel(c.Level),
        c.Difficulty, c.Technologies, c.Tags,
        Deserialize<List<string>>(c.Requirements) ?? [],
        Deserialize<Dictionary<string, IReadOnlyList<CodeFile>>>(c.StarterCode) ?? [],
        Deserialize<List<ChallengeExample>>(c.Examples) ?? [],
        Deserialize<Dictionary<string, IReadOnlyList<CodeFile>>>(c.TestFiles) ?? [],
        c.XpReward, c.EstimatedTimeMinutes, c.Badges, c.CompletedCount, c.AttemptedCount, c.SuccessRate, c.Languages, c.PublishedAt);

    static T? Deserialize<T>(string? json) => json is null ? default : JsonSerializer.Deserialize<T>(json, JsonSerializerOptions.Web);
}
