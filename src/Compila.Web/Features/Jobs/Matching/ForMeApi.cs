using System.Security.Claims;
using Compila.Web.Features.Jobs.Postings;
using Compila.Web.Features.Portfolio.Contracts;
using Compila.Web.Infrastructure.Identity;
using Compila.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Compila.Web.Features.Jobs.Matching;

public sealed record JobForMe(JobResource Job, int Score, string Explanation, IReadOnlyList<string> Matched, IReadOnlyList<string> Missing);

public sealed record JobsForMe(IReadOnlyList<JobForMe> Items);

/// <summary><c>GET /v1/jobs/for-me</c>: open jobs ranked by the caller's verified skills, each with why in pt-BR.</summary>
public static class ForMeApi
{
    /// <summary>The newest open jobs scored per request; beyond this a ranked projection would be needed.</summary>
    const int JobsScored = 500;
    const int Shown = 50;

    public static void MapJobsForMeApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/v1/jobs/for-me", ForMe).WithName("JobsForMe").WithTags("Jobs").RequireAuthorization();

    internal static async Task<Ok<JobsForMe>> ForMe(ClaimsPrincipal principal, CompilaDb db, IVerifiedSkills skills, TimeProvider clock, CancellationToken ct)
    {
        var me = principal.CurrentUserId()!.Value;
        var now = clock.GetUtcNow();
        var mySkills = await skills.OfUserAsync(me, ct);
        var open = await OpenJobs.Query(db, now).OrderByDescending(r => r.Job.CreatedAt).Take(JobsScored).ToListAsync(ct);
        var ranked = open
            .Select(row => (Row: row, Match: JobMatching.Score(new JobNeeds(row.Job.Stack, row.Job.Level, row.Job.Technologies), mySkills, now)))
            .OrderByDescending(x => x.Match.Score).ThenByDescending(x => x.Row.Job.CreatedAt)
            .Take(Shown)
            .Select(x => new JobForMe(JobResources.ToResource(x.Row, me, now), x.Match.Score, x.Match.Explanation, x.Match.Matched, x.Match.Missing))
            .ToList();
        return TypedResults.Ok(new JobsForMe(ranked));
    }
}
