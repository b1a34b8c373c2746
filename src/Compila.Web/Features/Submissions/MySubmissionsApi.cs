using System.Security.Claims;
using Compila.ChallengeSuites.Harness;
using Compila.Web.Features.Users;
using Compila.Web.Infrastructure.Data;
using Compila.Web.Infrastructure.Errors;
using Compila.Web.Infrastructure.Identity;
using Compila.Web.Infrastructure.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Compila.Web.Features.Submissions;

/// <summary>The signed-in learner's submissions across every challenge, newest first.</summary>
public static class MySubmissionsApi
{
    public static void MapMySubmissionsApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/v1/me/submissions", List).WithTags("Submissions").WithName("ListMySubmissions").RequireAuthorization()
            .WithSummary("Suas submissões em todos os desafios, das mais recentes às mais antigas, com filtros e paginação.");

    internal static async Task<Results<Ok<Page<MySubmission>>, ValidationProblem>> List(
        ClaimsPrincipal principal,
        CompilaDb db,
        CancellationToken ct,
        string? status = null,
        string? language = null,
        int page = 1,
        int size = 20)
    {
        var errors = new ValidationErrors().CheckPaging(page, size);
        SubmissionStatus statusFilter = default;
        if (status is not null && !EnumLabels.TryParse(status, out statusFilter))
        {
            errors.Add("status", $"Situação desconhecida. Use: {string.Join(", ", EnumLabels.Labels<SubmissionStatus>())}.");
        }

        if (language is not null && TestLanguages.Find(language) is null)
        {
            errors.Add("language", $"Linguagem desconhecida. Use: {string.Join(", ", TestLanguages.All.Select(l => l.Id))}.");
        }

        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var userId = principal.CurrentUserId()!.Value;
        var query = db.Set<Submission>().AsNoTracking().Where(s => s.UserId == userId);
        if (status is not null)
        {
            query = query.Where(s => s.Status == statusFilter);
        }

        if (language is not null)
        {
            query = query.Where(s => s.Language == language);
        }

        var total = await query.CountAsync(ct);
        var rows = await query
            .OrderByDescending(s => s.SubmittedAt).ThenByDescending(s => s.AttemptNumber)
            .TakePage(page, size)
            .Join(db.Challenges, s => s.ChallengeId, c => c.Id, (s, c) => new { Submission = s, c.Slug, c.Title })
            .ToListAsync(ct);
        var items = rows.Select(r => MySubmission.From(r.Submission, r.Slug, r.Title)).ToList();
        return TypedResults.Ok(new Page<MySubmission>(items, page, size, total));
    }
}

/// <summary>A history row with the challenge it answers, so the list links without another request (no code, no results).</summary>
public sealed record MySubmission(
    Guid Id,
    Guid ChallengeId,
    string ChallengeSlug,
    string ChallengeTitle,
    string Language,
    string Status,
    int? Score,
    int XpGained,
    int AttemptNumber,
    DateTimeOffset SubmittedAt,
    int? ExecutionTimeMs)
{
    public static MySubmission From(Submission s, string slug, string title) => new(
        s.Id, s.ChallengeId, slug, title, s.Language, EnumLabels.ToLabel(s.Status), s.Score, s.XpGained, s.AttemptNumber,
        s.SubmittedAt, s.ExecutionTimeMs);
}

