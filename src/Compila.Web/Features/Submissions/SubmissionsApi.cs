using System.Security.Claims;
using Compila.Web.Features.Users;
using Compila.Web.Infrastructure.Data;
using Compila.Web.Infrastructure.Identity;
using Compila.Web.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Compila.Web.Features.Submissions;

public static class SubmissionsApi
{
    public static void MapSubmissionsApi(this IEndpointRouteBuilder app)
    {
        var challenges = app.MapGroup("/v1/challenges/{id:guid}").WithTags("Submissions").RequireAuthorization();
        challenges.MapPost("/submit", Submit).WithName("Submit").WithRateLimitClass(RateLimitClass.Submission)
            .WithSummary("Envia uma solução para avaliação; acompanhe pelo WebSocket /v1/solve.");
        challenges.MapGet("/submissions", ListForChallenge).WithName("ListSubmissions")
            .WithSummary("Suas submissões deste desafio (um admin pode passar ?user=).");

        app.MapGroup("/v1/submissions").WithTags("Submissions").RequireAuthorization()
            .MapGet("/{id:guid}", Get).WithName("GetSubmission");
        app.MapSolveSocket();
    }

    internal static async Task<Results<Accepted<SubmitAccepted>, ValidationProblem, NotFound>> Submit(
        Guid id, SubmitRequest request, ClaimsPrincipal principal, SubmissionService submissions, CancellationToken ct)
    {
        var outcome = await submissions.SubmitAsync(principal.CurrentUserId()!.Value, id, request, ct);
        return outcome switch
        {
            SubmitOutcome.Accepted accepted => TypedResults.Accepted($"/v1/submissions/{accepted.Response.SubmissionId}", accepted.Response),
            SubmitOutcome.Invalid invalid => invalid.Errors.ToProblem(),
            _ => TypedResults.NotFound(),
        };
    }

    internal static async Task<Results<Ok<IReadOnlyList<SubmissionSummary>>, NotFound, ForbidHttpResult>> ListForChallenge(
        Guid id, ClaimsPrincipal principal, CompilaDb db, CancellationToken ct, string? user = null)
    {
        var userId = principal.CurrentUserId()!.Value;
        if (user is not null)
        {
            if (!principal.IsAdmin())
            {
                return TypedResults.Forbid();
            }

            var normalized = Usernames.Normalize(user);
            var target = await db.Users.Where(u => u.Username == normalized).Select(u => (Guid?)u.Id).SingleOrDefaultAsync(ct);
            if (target is null)
            {
                return TypedResults.NotFound();
            }

            userId = target.Value;
        }

        if (!await db.Challenges.AnyAsync(c => c.Id == id, ct))
        {
            return TypedResults.NotFound();
        }

        var rows = await db.Set<Submission>().AsNoTracking()
            .Where(s => s.UserId == userId && s.ChallengeId == id)
            .OrderByDescending(s => s.AttemptNumber)
            .ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<SubmissionSummary>>(rows.Select(SubmissionSummary.From).ToList());
    }

    /// <summary>Another learner's submission answers 404, not 403: its existence is not revealed either.</summary>
    internal static async Task<Results<Ok<SubmissionView>, NotFound>> Get(Guid id, ClaimsPrincipal principal, CompilaDb db, CancellationToken ct)
    {
        var submission = await db.Set<Submission>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (submission is null || (submission.UserId != principal.CurrentUserId() && !principal.IsAdmin()))
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(SubmissionView.From(submission, includeCode: true));
    }
}
