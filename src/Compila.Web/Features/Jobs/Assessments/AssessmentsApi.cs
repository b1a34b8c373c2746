using System.Security.Claims;
using Compila.Web.Features.Challenges.Contracts;
using Compila.Web.Features.Jobs.Candidates;
using Compila.Web.Features.Jobs.Companies;
using Compila.Web.Features.Users.Contracts;
using Compila.Web.Infrastructure.Data;
using Compila.Web.Infrastructure.Errors;
using Compila.Web.Infrastructure.Identity;
using Compila.Web.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Compila.Web.Features.Jobs.Assessments;

/// <summary>A signed result: <c>payload</c> is the exact JSON the ES256 <c>signature</c> covers, key <c>keyId</c> at <c>keysUrl</c>.</summary>
public sealed record AssessmentVerification(string Payload, string Signature, string KeyId, string KeysUrl);

public sealed record AssessmentChallenge(
    string Slug, bool Passed, Guid? SubmissionId, string? Language, DateTimeOffset? PassedAt, AssessmentVerification? Verification);

public sealed record AssessmentCandidate(Guid Id, string Username, string? FullName, string? Email);

/// <summary>An assessment as its company sees it; <see cref="Token"/> only in the answer that created it.</summary>
public sealed record AssessmentResource(
    Guid Id, string Title, string CompanyName, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, string Status,
    IReadOnlyList<AssessmentChallenge> Challenges, AssessmentCandidate? Candidate, string? Token, string? Link);

/// <summary>
/// <c>/v1/assessments</c>: a company creates a private link (challenges + window) to send a candidate from any hiring
/// process; the candidate claims it signed in; the company reads which challenges were passed in the window, each
/// with the submission that proves it (the same verdicts portfolios are built on).
/// </summary>
public static class AssessmentsApi
{
    const string VerificationKeysUrl = "/v1/portfolio/verifications/keys";

    public static void MapAssessmentsApi(this IEndpointRouteBuilder app)
    {
        var company = app.MapGroup("/v1/assessments").WithTags("Jobs").RequireAuthorization(Policies.Company);
        company.MapPost("/", Create).WithName("CreateAssessment");
        company.MapGet("/", ListMine).WithName("ListMyAssessments");
        company.MapGet("/{id:guid}", Get).WithName("GetAssessment");

        var candidate = app.MapGroup("/v1/me/assessments").WithTags("Jobs").RequireAuthorization();
        // A token is a secret: guessing is bounded like submissions.
        candidate.MapPost("/claim", Claim).WithName("ClaimAssessment").WithRateLimitClass(RateLimitClass.Submission);
        candidate.MapGet("/", ListClaimed).WithName("ListClaimedAssessments");
    }

    internal static async Task<Results<Created<AssessmentResource>, ValidationProblem, ProblemHttpResult>> Create(
        AssessmentRequest request, ClaimsPrincipal principal, CompilaDb db, IChallengeCatalog catalog, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var errors = new ValidationErrors();
        AssessmentRules.Validate(request, now, errors);
        var slugs = (request.Challenges ?? []).Select(s => s.Trim().ToLowerInvariant()).Distinct().ToList();
        var challenges = errors.IsValid
            ? await catalog.Published().Where(c => slugs.Contains(c.Slug)).Select(c => new { c.Id, c.Slug }).ToListAsync(ct)
            : [];
        var unknown = slugs.Except(challenges.Select(c => c.Slug)).ToList();
        if (errors.IsValid && unknown.Count > 0)
        {
            errors.Add("challenges", $"Desafios desconhecidos: {string.Join(", ", unknown.Take(5))}.");
        }

        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var me = principal.CurrentUserId()!.Value;
        if (await db.Set<CompanyProfile>().AsNoTracking().SingleOrDefaultAsync(c => c.UserId == me, ct) is not { } profile)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflito.", detail: "Preencha o perfil da empresa antes de criar avaliações.");
        }

        if (profile.ApprovedAt is null)
        {
            // A link hands the company a candidate's name and email: only companies an admin vouched for send them.
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Não permitido.", detail: "Sua empresa precisa ser aprovada antes de enviar avaliações.");
        }

        var ordered = slugs.Select(s => challenges.Single(c => c.Slug == s)).ToList();
        var (token, hash) = AssessmentRules.NewToken();
        var assessment = new Assessment
        {
            CompanyId = me, Title = request.Title!.Trim(), ChallengeIds = ordered.Select(c => c.Id).ToList(),
            ChallengeSlugs = ordered.Select(c => c.Slug).ToList(), OpensAt = (request.OpensAt ?? now).ToUniversalTime(),
            ClosesAt = request.ClosesAt!.Value.ToUniversalTime(), TokenHash = hash, CreatedAt = now,
        };
        db.Add(assessment);
        await db.SaveChangesAsync(ct);
        var resource = ToResource(assessment, profile.Name, [], null, now) with { Token = token, Link = $"/avaliacoes/{token}" };
        return TypedResults.Created($"/v1/assessments/{assessment.Id}", resource);
    }

    internal static async Task<Ok<List<AssessmentResource>>> ListMine(ClaimsPrincipal principal, CompilaDb db, TimeProvider clock, CancellationToken ct)
    {
        var me = principal.CurrentUserId();
        var now = clock.GetUtcNow();
        var rows = await db.Set<Assessment>().AsNoTracking().Where(a => a.CompanyId == me).OrderByDescending(a => a.CreatedAt).Take(200).ToListAsync(ct);
        var name = await db.Set<CompanyProfile>().AsNoTracking().Where(c => c.UserId == me).Select(c => c.Name).SingleOrDefaultAsync(ct) ?? "";
        return TypedResults.Ok(rows.Select(a => ToResource(a, name, [], null, now)).ToList());
    }

    internal static async Task<Results<Ok<AssessmentResource>, NotFound>> Get(
        Guid id, ClaimsPrincipal principal, CompilaDb db, IUserDirectory users, TimeProvider clock, CancellationToken ct)
    {
        var me = principal.CurrentUserId()!.Value;
        var assessment = await db.Set<Assessment>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.CompanyId == me, ct);
        if (assessment is null)
        {
            return TypedResults.NotFound();
        }

        var now = clock.GetUtcNow();
        var passes = await db.Set<AssessmentPass>().AsNoTracking().Where(p => p.AssessmentId == id).ToListAsync(ct);
        AssessmentCandidate? candidate = null;
        if (assessment.CandidateId is { } candidateId && await users.FindByIdAsync(candidateId, ct) is { } owner)
        {
            // The candidate opened the company's link: they chose to take its test and be reached by it.
            candidate = new AssessmentCandidate(owner.Id, owner.Username, owner.FullName, await users.ContactEmailAsync(owner.Id, ct));
            CompanyAccessLog.Record(db, me, owner.Id, null, "assessment.viewed", now);
            await db.SaveChangesAsync(ct);
        }

        var name = await db.Set<CompanyProfile>().AsNoTracking().Where(c => c.UserId == me).Select(c => c.Name).SingleAsync(ct);
        return TypedResults.Ok(ToResource(assessment, name, passes, candidate, now));
    }

    internal static async Task<Results<Ok<AssessmentResource>, ValidationProblem, NotFound, ProblemHttpResult>> Claim(
        ClaimRequest request, ClaimsPrincipal principal, CompilaDb db, TimeProvider clock, CancellationToken ct)
    {
        if (request.Token is not { Length: AssessmentRules.TokenLength } token)
        {
            return new ValidationErrors().Add("token", "Link de avaliação inválido.").ToProblem();
        }

        if (principal.IsInRole(Roles.Company))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Não permitido.", detail: "Contas de empresa não fazem avaliações.");
        }

        var me = principal.CurrentUserId()!.Value;
        var now = clock.GetUtcNow();
        var hash = AssessmentRules.Hash(token);
        var assessment = await db.Set<Assessment>().SingleOrDefaultAsync(a => a.TokenHash == hash, ct);
        if (assessment is null)
        {
            return TypedResults.NotFound();
        }

        if (assessment.CandidateId is null)
        {
            if (assessment.ClosesAt <= now)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Avaliação encerrada.", detail: "O prazo desta avaliação já terminou.");
            }

            // Conditional, so two people opening one link at once cannot both become its candidate.
            await db.Set<Assessment>().Where(a => a.Id == assessment.Id && a.CandidateId == null)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.CandidateId, me).SetProperty(a => a.ClaimedAt, now), ct);
            await db.Entry(assessment).ReloadAsync(ct);
        }

        if (assessment.CandidateId != me)
        {
            // Another learner holds this link: to this one it does not exist.
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await CandidateViewAsync(db, assessment, now, ct));
    }

    internal static async Task<Ok<List<AssessmentResource>>> ListClaimed(ClaimsPrincipal principal, CompilaDb db, TimeProvider clock, CancellationToken ct)
    {
        var me = principal.CurrentUserId();
        var now = clock.GetUtcNow();
        var rows = await db.Set<Assessment>().AsNoTracking().Where(a => a.CandidateId == me).OrderByDescending(a => a.ClaimedAt).Take(100).ToListAsync(ct);
        var views = new List<AssessmentResource>(rows.Count);
        foreach (var row in rows)
        {
            views.Add(await CandidateViewAsync(db, row, now, ct));
        }

        return TypedResults.Ok(views);
    }

    static async Task<AssessmentResource> CandidateViewAsync(CompilaDb db, Assessment assessment, DateTimeOffset now, CancellationToken ct)
    {
        var passes = await db.Set<AssessmentPass>().AsNoTracking().Where(p => p.AssessmentId == assessment.Id).ToListAsync(ct);
        var name = await db.Set<CompanyProfile>().AsNoTracking().Where(c => c.UserId == assessment.CompanyId).Select(c => c.Name).SingleAsync(ct);
        return ToResource(assessment, name, passes, null, now);
    }

    static AssessmentResource ToResource(Assessment a, string companyName, List<AssessmentPass> passes, AssessmentCandidate? candidate, DateTimeOffset now)
    {
        var status = now < a.OpensAt ? "scheduled" : now >= a.ClosesAt ? "closed" : a.CandidateId is null ? "sent" : "in_progress";
        var challenges = a.ChallengeIds.Zip(a.ChallengeSlugs, (id, slug) =>
        {
            var pass = passes.FirstOrDefault(p => p.ChallengeId == id);
            var verification = pass is null ? null : new AssessmentVerification(pass.Payload, pass.Signature, pass.KeyId, VerificationKeysUrl);
            return new AssessmentChallenge(slug, pass is not null, pass?.SubmissionId, pass?.Language, pass?.PassedAt, verification);
        }).ToList();
        return new AssessmentResource(a.Id, a.Title, companyName, a.OpensAt, a.ClosesAt, status, challenges, candidate, null, null);
    }
}
