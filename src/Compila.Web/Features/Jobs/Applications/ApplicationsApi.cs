using System.Security.Claims;
using Compila.Web.Features.Billing.Contracts;
using Compila.Web.Features.Jobs.Candidates;
using Compila.Web.Features.Jobs.Companies;
using Compila.Web.Features.Jobs.Contracts;
using Compila.Web.Features.Jobs.Matching;
using Compila.Web.Features.Jobs.Postings;
using Compila.Web.Features.Portfolio.Contracts;
using Compila.Web.Features.Users.Contracts;
using Compila.Web.Infrastructure.Data;
using Compila.Web.Infrastructure.Errors;
using Compila.Web.Infrastructure.Events;
using Compila.Web.Infrastructure.Identity;
using Compila.Web.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Compila.Web.Features.Jobs.Applications;

/// <summary>
/// Applying with a snapshot of the portfolio, withdrawing, and the company's pipeline
/// (<c>received → reviewing → interview → offer | rejected</c>); each company move is published so the candidate
/// is told, and logged as an access to the candidate's data.
/// </summary>
public static class ApplicationsApi
{
    public static void MapApplicationsApi(this IEndpointRouteBuilder app)
    {
        // Applying snapshots the whole portfolio: a person applies a few times a minute at most, a bot more.
        app.MapPost("/v1/jobs/{id:guid}/apply", Apply).WithName("ApplyToJob").WithTags("Jobs").RequireAuthorization()
            .WithRateLimitClass(RateLimitClass.Submission);
        app.MapGet("/v1/jobs/{id:guid}/applications", ListForJob).WithName("ListJobApplications").WithTags("Jobs").RequireAuthorization(Policies.Company);
        app.MapPut("/v1/applications/{id:guid}/status", Move).WithName("MoveApplication").WithTags("Jobs").RequireAuthorization(Policies.Company);

        var mine = app.MapGroup("/v1/me/applications").WithTags("Jobs").RequireAuthorization();
        mine.MapGet("/", ListMine).WithName("ListMyApplications");
        mine.MapDelete("/{id:guid}", Withdraw).WithName("WithdrawApplication");
    }

    internal static async Task<Results<Created<MyApplication>, ValidationProblem, NotFound, ProblemHttpResult>> Apply(
        Guid id, ApplyRequest? request, ClaimsPrincipal principal, CompilaDb db, IVerifiedSkills skills, IUserDirectory users,
        IPlanGates plans, TimeProvider clock, CancellationToken ct)
    {
        if (principal.IsInRole(Roles.Company))
        {
            return Problem(StatusCodes.Status403Forbidden, "Não permitido.", "Contas de empresa não se candidatam a vagas.");
        }

        var note = request?.Note;
        var errors = new ValidationErrors();
        JobText.Check("note", note, ApplicationRules.NoteMax, errors, multiline: true);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var me = principal.CurrentUserId()!.Value;
        var now = clock.GetUtcNow();
        var row = await OpenJobs.WithCompanies(db).SingleOrDefaultAsync(r => r.Job.Id == id, ct);
        if (row is null || row.Company.ApprovedAt is null || row.Job.Status == JobStatus.Draft)
        {
            return TypedResults.NotFound();
        }

        if (!OpenJobs.IsOpen(row, now))
        {
            return Problem(StatusCodes.Status409Conflict, "Vaga encerrada.", "Esta vaga não recebe mais candidaturas.");
        }

        if (await db.Set<JobApplication>().AnyAsync(a => a.JobId == id && a.CandidateId == me, ct))
        {
            return AlreadyApplied();
        }

        var owner = await users.FindByIdAsync(me, ct) ?? throw new InvalidOperationException("A signed-in user without an account.");
        var snapshot = PortfolioSnapshot.Of(owner, await skills.OfUserAsync(me, ct), now);
        var application = new JobApplication
        {
            JobId = id, CandidateId = me, Note = JobText.Clean(note), Snapshot = snapshot.ToJson(), CreatedAt = now, UpdatedAt = now,
            // Free plans apply as before, just not featured.
            Featured = await plans.UnlocksAsync(me, PlanCapability.FeaturedApplications, ct),
        };

        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            db.Add(application);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // A concurrent apply of the same candidate won the unique (job, candidate) index.
                return AlreadyApplied();
            }

            await db.Set<Job>().Where(j => j.Id == id).ExecuteUpdateAsync(s => s.SetProperty(j => j.ApplicationsCount, j => j.ApplicationsCount + 1), ct);
            await transaction.CommitAsync(ct);
        }

        row.Job.ApplicationsCount++;
        return TypedResults.Created($"/v1/me/applications/{application.Id}", ToMine(application, row, me, now));
    }

    internal static async Task<Ok<List<MyApplication>>> ListMine(ClaimsPrincipal principal, CompilaDb db, TimeProvider clock, CancellationToken ct)
    {
        var me = principal.CurrentUserId()!.Value;
        var now = clock.GetUtcNow();
        var rows = await db.Set<JobApplication>().AsNoTracking().Where(a => a.CandidateId == me)
            .Join(OpenJobs.WithCompanies(db), a => a.JobId, r => r.Job.Id, (a, r) => new { Application = a, Row = r })
            .OrderByDescending(x => x.Application.CreatedAt).Take(500).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(x => ToMine(x.Application, x.Row, me, now)).ToList());
    }

    internal static async Task<Results<NoContent, NotFound>> Withdraw(Guid id, ClaimsPrincipal principal, CompilaDb db, TimeProvider clock, CancellationToken ct)
    {
        var me = principal.CurrentUserId()!.Value;
        var application = await db.Set<JobApplication>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.CandidateId == me, ct);
        if (application is null)
        {
            return TypedResults.NotFound();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Conditional on not being withdrawn yet, so two withdrawals (two tabs) take one off the count once.
        var withdrawn = await db.Set<JobApplication>().Where(a => a.Id == id && a.Status != ApplicationStatus.Withdrawn)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ApplicationStatus.Withdrawn).SetProperty(a => a.UpdatedAt, clock.GetUtcNow()), ct);
        if (withdrawn == 1)
        {
            await db.Set<Job>().Where(j => j.Id == application.JobId)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.ApplicationsCount, j => j.ApplicationsCount - 1), ct);
        }

        await transaction.CommitAsync(ct);
        return TypedResults.NoContent();
    }

    internal static async Task<Results<Ok<List<Applicant>>, NotFound>> ListForJob(
        Guid id, ClaimsPrincipal principal, CompilaDb db, IUserDirectory users, TimeProvider clock, CancellationToken ct)
    {
        var me = principal.CurrentUserId()!.Value;
        var job = await db.Set<Job>().AsNoTracking().SingleOrDefaultAsync(j => j.Id == id && j.CompanyId == me, ct);
        if (job is null)
        {
            return TypedResults.NotFound();
        }

        var now = clock.GetUtcNow();
        var applications = await db.Set<JobApplication>().AsNoTracking()
            .Where(a => a.JobId == id && a.Status != ApplicationStatus.Withdrawn).OrderBy(a => a.CreatedAt).Take(1_000).ToListAsync(ct);
        var applicants = new List<Applicant>(applications.Count);
        foreach (var application in applications)
        {
            if (await ToApplicantAsync(application, job, users, now, ct) is { } applicant)
            {
                applicants.Add(applicant);
                CompanyAccessLog.Record(db, me, application.CandidateId, job.Id, "application.viewed", now);
            }
        }

        await db.SaveChangesAsync(ct);
        // Featured only breaks ties: a better score always comes first, and every applicant is listed.
        return TypedResults.Ok(applicants.OrderByDescending(a => a.Score).ThenByDescending(a => a.Featured).ThenBy(a => a.CreatedAt).ToList());
    }

    internal static async Task<Results<Ok<Applicant>, ValidationProblem, NotFound, ProblemHttpResult>> Move(
        Guid id, ApplicationStatusRequest request, ClaimsPrincipal principal, CompilaDb db, IUserDirectory users,
        IEventPublisher events, TimeProvider clock, CancellationToken ct)
    {
        var me = principal.CurrentUserId()!.Value;
        var found = await db.Set<JobApplication>().Where(a => a.Id == id)
            .Join(db.Set<Job>().Where(j => j.CompanyId == me), a => a.JobId, j => j.Id, (a, j) => new { Application = a, Job = j })
            .SingleOrDefaultAsync(ct);
        if (found is null || found.Application.Status == ApplicationStatus.Withdrawn)
        {
            return TypedResults.NotFound();
        }

        var errors = new ValidationErrors();
        if (!EnumLabels.TryParse<ApplicationStatus>(request.Status, out var status) || !ApplicationRules.CompanyMoves.Contains(status))
        {
            errors.Add("status", $"Use um destes: {string.Join(", ", ApplicationRules.CompanyMoves.Select(EnumLabels.ToLabel))}.");
            return errors.ToProblem();
        }

        var (application, job) = (found.Application, found.Job);
        var now = clock.GetUtcNow();
        if (application.Status != status)
        {
            if (application.IsFinal)
            {
                return Problem(StatusCodes.Status422UnprocessableEntity, "Candidatura encerrada.",
                    $"Esta candidatura já está como “{ApplicationRules.StatusName(application.Status)}” e não muda mais.");
            }

            var previous = application.Status;
            application.Status = status;
            application.UpdatedAt = now;
            var company = await db.Set<CompanyProfile>().AsNoTracking().SingleAsync(c => c.UserId == me, ct);
            events.Publish(new ApplicationStatusChanged(application.Id, job.Id, job.Title, me, company.Name, application.CandidateId,
                EnumLabels.ToLabel(previous), EnumLabels.ToLabel(status), now));
            CompanyAccessLog.Record(db, me, application.CandidateId, job.Id, "application.status_changed", now);
            await db.SaveChangesAsync(ct);
        }

        return await ToApplicantAsync(application, job, users, now, ct) is { } applicant ? TypedResults.Ok(applicant) : TypedResults.NotFound();
    }

    /// <summary>Null when the candidate's account is gone.</summary>
    static async Task<Applicant?> ToApplicantAsync(JobApplication application, Job job, IUserDirectory users, DateTimeOffset now, CancellationToken ct)
    {
        if (await users.FindByIdAsync(application.CandidateId, ct) is not { } candidate)
        {
            return null;
        }

        var snapshot = PortfolioSnapshot.FromJson(application.Snapshot);
        var match = JobMatching.Score(ApplicantMatching.Needs(job), snapshot.ToVerifiedSkills(), now);
        // The candidate chose to share their contact with this company by applying.
        var email = await users.ContactEmailAsync(candidate.Id, ct);
        return new Applicant(application.Id, EnumLabels.ToLabel(application.Status), application.Note, application.CreatedAt, application.UpdatedAt,
            match.Score, match.Explanation, match.Matched, match.Missing,
            new ApplicantContact(candidate.Id, candidate.Username, candidate.FullName, candidate.AvatarUrl, email), snapshot, application.Featured);
    }

    static MyApplication ToMine(JobApplication application, JobWithCompany row, Guid me, DateTimeOffset now) =>
        new(application.Id, application.JobId, EnumLabels.ToLabel(application.Status), application.Note, application.CreatedAt, application.UpdatedAt,
            JobResources.ToResource(row, me, now), application.Featured);

    static ProblemHttpResult AlreadyApplied() => Problem(StatusCodes.Status409Conflict, "Candidatura já enviada.", "Você já se candidatou a esta vaga.");

    static ProblemHttpResult Problem(int status, string title, string detail) => TypedResults.Problem(detail: detail, statusCode: status, title: title);
}
