using System.Security.Claims;
using Compila.Web.Features.Challenges.Contracts;
using Compila.Web.Features.Jobs.Companies;
using Compila.Web.Features.Jobs.Contacts;
using Compila.Web.Features.Jobs.Matching;
using Compila.Web.Features.Jobs.Postings;
using Compila.Web.Features.Portfolio.Contracts;
using Compila.Web.Features.Users.Contracts;
using Compila.Web.Infrastructure.Data;
using Compila.Web.Infrastructure.Identity;
using Compila.Web.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Compila.Web.Features.Jobs.Candidates;

public sealed record DiscoverableRequest(bool? Discoverable);

public sealed record DiscoverableResource(bool Discoverable, DateTimeOffset? UpdatedAt);

/// <summary>A candidate as a company sees them: <see cref="Email"/> only after they accepted that company's contact request.</summary>
public sealed record CandidateCard(Guid Id, string Username, string? FullName, string? AvatarUrl, string? Email);

/// <summary><see cref="ContactStatus"/>: <c>none</c>, <c>pending</c>, <c>accepted</c> or <c>declined</c>, for this company.</summary>
public sealed record RankedCandidate(CandidateCard Candidate, int Score, string Explanation, IReadOnlyList<string> Matched, IReadOnlyList<string> Missing,
    string ContactStatus);

public sealed record CompanyAccess(Guid CompanyId, string CompanyName, Guid? JobId, string Action, DateTimeOffset At);

/// <summary>
/// LGPD-first discoverability: a learner opts in (and out, with immediate effect); a company sees ranked candidates
/// for its own job only among those opted in, without contact data; every listing is logged for the candidate to read.
/// </summary>
public static class CandidatesApi
{
    /// <summary>How many opted-in learners with evidence a listing scores; the best of them are shown.</summary>
    const int PoolMax = 200;
    const int ShownMax = 50;

    public static void MapCandidatesApi(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/v1/me").WithTags("Jobs").RequireAuthorization();
        me.MapGet("/discoverable", GetDiscoverable).WithName("GetDiscoverable");
        me.MapPut("/discoverable", PutDiscoverable).WithName("SetDiscoverable");
        me.MapGet("/company-access", AccessLog).WithName("ListCompanyAccess");

        // Scoring the opted-in pool reads every candidate's skills: bounded like submissions, not like page reads.
        app.MapGet("/v1/jobs/{id:guid}/candidates", Candidates).WithName("ListJobCandidates").WithTags("Jobs").RequireAuthorization(Policies.Company)
            .WithRateLimitClass(RateLimitClass.Submission);
    }

    internal static async Task<Ok<DiscoverableResource>> GetDiscoverable(ClaimsPrincipal principal, CompilaDb db, CancellationToken ct)
    {
        var me = principal.CurrentUserId();
        var preference = await db.Set<CandidatePreference>().AsNoTracking().SingleOrDefaultAsync(p => p.UserId == me, ct);
        return TypedResults.Ok(new DiscoverableResource(preference?.Discoverable ?? false, preference?.UpdatedAt));
    }

    internal static async Task<Results<Ok<DiscoverableResource>, ValidationProblem, ProblemHttpResult>> PutDiscoverable(
        DiscoverableRequest request, ClaimsPrincipal principal, CompilaDb db, TimeProvider clock, CancellationToken ct)
    {
        if (request.Discoverable is not { } discoverable)
        {
            return new Infrastructure.Errors.ValidationErrors().Add("discoverable", "Informe true ou false.").ToProblem();
        }

        if (principal.IsInRole(Roles.Company))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Não permitido.", detail: "Contas de empresa não aparecem como candidatas.");
        }

        var me = principal.CurrentUserId()!.Value;
        var now = clock.GetUtcNow();
        var preference = await db.Set<CandidatePreference>().SingleOrDefaultAsync(p => p.UserId == me, ct);
        if (preference is null)
        {
            preference = new CandidatePreference { UserId = me };
            db.Add(preference);
        }

        preference.Discoverable = discoverable;
        preference.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return await PutDiscoverable(request, principal, db, clock, ct);
        }

        return TypedResults.Ok(new DiscoverableResource(discoverable, now));
    }

    internal static async Task<Ok<List<CompanyAccess>>> AccessLog(ClaimsPrincipal principal, CompilaDb db, CancellationToken ct)
    {
        var me = principal.CurrentUserId();
        var entries = await db.Set<CompanyAccessEntry>().AsNoTracking().Where(e => e.CandidateId == me)
            .Join(db.Set<CompanyProfile>().AsNoTracking(), e => e.CompanyId, c => c.UserId, (e, c) => new { Entry = e, Company = c.Name })
            .OrderByDescending(x => x.Entry.At).ThenByDescending(x => x.Entry.Id).Take(200)
            .Select(x => new CompanyAccess(x.Entry.CompanyId, x.Company, x.Entry.JobId, x.Entry.Action, x.Entry.At))
            .ToListAsync(ct);
        return TypedResults.Ok(entries);
    }

    internal static async Task<Results<Ok<List<RankedCandidate>>, NotFound, ProblemHttpResult>> Candidates(
        Guid id, ClaimsPrincipal principal, CompilaDb db, IVerifiedSkills skills, IUserDirectory users, TimeProvider clock, CancellationToken ct)
    {
        var me = principal.CurrentUserId()!.Value;
        if (!await db.Set<CompanyProfile>().AnyAsync(c => c.UserId == me && c.ApprovedAt != null, ct))
        {
            // Candidates opted in to be found by companies an admin vouched for, not by any account that signs up.
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Não permitido.",
                detail: "Sua empresa precisa ser aprovada antes de ver candidatos.");
        }

        var job = await db.Set<Job>().AsNoTracking().SingleOrDefaultAsync(j => j.Id == id && j.CompanyId == me, ct);
        if (job is null)
        {
            return TypedResults.NotFound();
        }

        // One query per skill the job names (a union of grouped subqueries does not translate everywhere).
        var withEvidence = job.Technologies
            .SelectMany(t => new[] { skills.UsersWithSkill(SkillKind.Language, t, ChallengeLevel.Beginner), skills.UsersWithSkill(SkillKind.Technology, t, ChallengeLevel.Beginner) })
            .Prepend(skills.UsersWithSkill(SkillKind.Stack, EnumLabels.ToLabel(job.Stack), ChallengeLevel.Beginner));
        var pool = new HashSet<Guid>();
        foreach (var withSkill in withEvidence)
        {
            pool.UnionWith(await db.Set<CandidatePreference>().AsNoTracking()
                .Where(p => p.Discoverable && p.UserId != me && withSkill.Contains(p.UserId))
                .OrderByDescending(p => p.UpdatedAt).Select(p => p.UserId).Take(PoolMax).ToListAsync(ct));
        }

        var now = clock.GetUtcNow();
        var needs = new JobNeeds(job.Stack, job.Level, job.Technologies);
        var contacts = await db.Set<ContactRequest>().AsNoTracking().Where(r => r.CompanyId == me && pool.Contains(r.CandidateId))
            .ToDictionaryAsync(r => r.CandidateId, r => r.Status, ct);
        var ranked = new List<RankedCandidate>();
        foreach (var candidateId in pool)
        {
            if (await users.FindByIdAsync(candidateId, ct) is not { } candidate)
            {
                continue;
            }

            var contact = contacts.TryGetValue(candidateId, out var status) ? status : (ContactStatus?)null;
            var email = contact == ContactStatus.Accepted ? await users.ContactEmailAsync(candidateId, ct) : null;
            var match = JobMatching.Score(needs, await skills.OfUserAsync(candidateId, ct), now);
            ranked.Add(new RankedCandidate(new CandidateCard(candidate.Id, candidate.Username, candidate.FullName, candidate.AvatarUrl, email),
                match.Score, match.Explanation, match.Matched, match.Missing, contact is { } known ? EnumLabels.ToLabel(known) : "none"));
        }

        var shown = ranked.OrderByDescending(c => c.Score).ThenBy(c => c.Candidate.Username, StringComparer.Ordinal).Take(ShownMax).ToList();
        foreach (var candidate in shown)
        {
            CompanyAccessLog.Record(db, me, candidate.Candidate.Id, job.Id, "candidate.listed", now);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(shown);
    }
}
