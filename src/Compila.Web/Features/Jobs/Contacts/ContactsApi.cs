using System.Security.Claims;
using Compila.Web.Features.Jobs.Candidates;
using Compila.Web.Features.Jobs.Companies;
using Compila.Web.Features.Jobs.Contracts;
using Compila.Web.Features.Jobs.Postings;
using Compila.Web.Features.Users.Contracts;
using Compila.Web.Infrastructure.Data;
using Compila.Web.Infrastructure.Errors;
using Compila.Web.Infrastructure.Events;
using Compila.Web.Infrastructure.Identity;
using Compila.Web.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Compila.Web.Features.Jobs.Contacts;

public sealed record ContactCandidate(Guid Id, string Username, string? FullName, string? AvatarUrl, string? Email);

/// <summary>A request as its company sees it: the candidate's email only once they accepted.</summary>
public sealed record SentContactRequest(Guid Id, ContactCandidate Candidate, Guid? JobId, string? JobTitle, string Message, string Status,
    DateTimeOffset CreatedAt, DateTimeOffset? AnsweredAt);

public sealed record ReceivedContactRequest(Guid Id, Guid CompanyId, string CompanyName, string? CompanyLogoUrl, Guid? JobId, string? JobTitle,
    string Message, string Status, DateTimeOffset CreatedAt, DateTimeOffset? AnsweredAt);

/// <summary>
/// Contact requests: the one way besides an application for a company to reach a candidate. A company asks an
/// opted-in candidate; the candidate accepts (their email becomes visible to that company) or declines. Pending and
/// declined requests vanish from the company's view when the candidate stops being discoverable; an accepted one is
/// consent given and stays. Every company read of a candidate here is logged for the candidate.
/// </summary>
public static class ContactsApi
{
    const int ListMax = 200;

    public static void MapContactsApi(this IEndpointRouteBuilder app)
    {
        var company = app.MapGroup("/v1/companies/me/contact-requests").WithTags("Jobs").RequireAuthorization(Policies.Company);
        // Each request notifies a person: bounded like submissions so a company cannot spam the candidate pool.
        company.MapPost("/", Send).WithName("SendContactRequest").WithRateLimitClass(RateLimitClass.Submission);
        company.MapGet("/", ListSent).WithName("ListSentContactRequests");

        var candidate = app.MapGroup("/v1/me/contact-requests").WithTags("Jobs").RequireAuthorization();
        candidate.MapGet("/", ListReceived).WithName("ListReceivedContactRequests");
        candidate.MapPost("/{id:guid}/accept", (Guid id, ClaimsPrincipal principal, CompilaDb db, IEventPublisher events, TimeProvider clock, CancellationToken ct) =>
            Answer(id, accept: true, principal, db, events, clock, ct)).WithName("AcceptContactRequest");
        candidate.MapPost("/{id:guid}/decline", (Guid id, ClaimsPrincipal principal, CompilaDb db, IEventPublisher events, TimeProvider clock, CancellationToken ct) =>
            Answer(id, accept: false, principal, db, events, clock, ct)).WithName("DeclineContactRequest");
    }

    internal static async Task<Results<Created<SentContactRequest>, ValidationProblem, NotFound, ProblemHttpResult>> Send(
        ContactRequestBody body, ClaimsPrincipal principal, CompilaDb db, IUserDirectory users, IEventPublisher events, TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        ContactRules.Validate(body, errors);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var me = principal.CurrentUserId()!.Value;
        var company = await db.Set<CompanyProfile>().AsNoTracking().SingleOrDefaultAsync(c => c.UserId == me, ct);
        if (company?.ApprovedAt is null)
        {
            return Problem(StatusCodes.Status403Forbidden, "Não permitido.", "Sua empresa precisa ser aprovada antes de contatar candidatos.");
        }

        var candidateId = body.CandidateId!.Value;
        var discoverable = await db.Set<CandidatePreference>().AsNoTracking().AnyAsync(p => p.UserId == candidateId && p.Discoverable, ct);
        // Someone who did not opt in is not found: a company cannot even learn that the account exists.
        if (!discoverable || await users.FindByIdAsync(candidateId, ct) is not { } candidate)
        {
            return TypedResults.NotFound();
        }

        Job? job = null;
        if (body.JobId is { } jobId && (job = await db.Set<Job>().AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId && j.CompanyId == me, ct)) is null)
        {
            return new ValidationErrors().Add("jobId", "Essa vaga não é da sua empresa.").ToProblem();
        }

        if (await db.Set<ContactRequest>().AnyAsync(r => r.CompanyId == me && r.CandidateId == candidateId, ct))
        {
            return AlreadySent();
        }

        var now = clock.GetUtcNow();
        var request = new ContactRequest
        {
            CompanyId = me, CandidateId = candidateId, JobId = job?.Id, Message = body.Message!.Trim(), Status = ContactStatus.Pending, CreatedAt = now,
        };
        db.Add(request);
        CompanyAccessLog.Record(db, me, candidateId, job?.Id, "contact.requested", now);
        events.Publish(new ContactRequested(request.Id, me, company.Name, candidateId, job?.Id, job?.Title, now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same request sent twice at once: the unique (company, candidate) index let one through.
            return AlreadySent();
        }

        var card = new ContactCandidate(candidate.Id, candidate.Username, candidate.FullName, candidate.AvatarUrl, null);
        return TypedResults.Created($"/v1/companies/me/contact-requests/{request.Id}",
            new SentContactRequest(request.Id, card, job?.Id, job?.Title, request.Message, "pending", now, null));
    }

    internal static async Task<Ok<List<SentContactRequest>>> ListSent(
        ClaimsPrincipal principal, CompilaDb db, IUserDirectory users, TimeProvider clock, CancellationToken ct)
    {
        var me = principal.CurrentUserId()!.Value;
        var rows = await db.Set<ContactRequest>().AsNoTracking().Where(r => r.CompanyId == me)
            .Where(r => r.Status == ContactStatus.Accepted || db.Set<CandidatePreference>().Any(p => p.UserId == r.CandidateId && p.Discoverable))
            .OrderByDescending(r => r.CreatedAt).Take(ListMax).ToListAsync(ct);
        var jobTitles = await JobTitlesAsync(db, rows.Select(r => r.JobId), ct);
        var now = clock.GetUtcNow();
        var sent = new List<SentContactRequest>(rows.Count);
        foreach (var row in rows)
        {
            if (await users.FindByIdAsync(row.CandidateId, ct) is not { } candidate)
            {
                continue;
            }

            var accepted = row.Status == ContactStatus.Accepted;
            var email = accepted ? await users.ContactEmailAsync(candidate.Id, ct) : null;
            if (accepted)
            {
                CompanyAccessLog.Record(db, me, candidate.Id, row.JobId, "contact.viewed", now);
            }

            sent.Add(new SentContactRequest(row.Id, new ContactCandidate(candidate.Id, candidate.Username, candidate.FullName, candidate.AvatarUrl, email),
                row.JobId, row.JobId is { } jobId ? jobTitles.GetValueOrDefault(jobId) : null, row.Message, EnumLabels.ToLabel(row.Status), row.CreatedAt, row.AnsweredAt));
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(sent);
    }

    internal static async Task<Ok<List<ReceivedContactRequest>>> ListReceived(ClaimsPrincipal principal, CompilaDb db, CancellationToken ct)
    {
        var me = principal.CurrentUserId();
        var rows = await db.Set<ContactRequest>().AsNoTracking().Where(r => r.CandidateId == me)
            .Join(db.Set<CompanyProfile>().AsNoTracking(), r => r.CompanyId, c => c.UserId, (r, c) => new { Request = r, Company = c })
            .OrderByDescending(x => x.Request.CreatedAt).Take(ListMax).ToListAsync(ct);
        var jobTitles = await JobTitlesAsync(db, rows.Select(r => r.Request.JobId), ct);
        return TypedResults.Ok(rows.Select(x => new ReceivedContactRequest(x.Request.Id, x.Company.UserId, x.Company.Name, x.Company.LogoUrl,
            x.Request.JobId, x.Request.JobId is { } jobId ? jobTitles.GetValueOrDefault(jobId) : null, x.Request.Message,
            EnumLabels.ToLabel(x.Request.Status), x.Request.CreatedAt, x.Request.AnsweredAt)).ToList());
    }

    internal static async Task<Results<Ok<ReceivedContactRequest>, NotFound, ProblemHttpResult>> Answer(
        Guid id, bool accept, ClaimsPrincipal principal, CompilaDb db, IEventPublisher events, TimeProvider clock, CancellationToken ct)
    {
        var me = principal.CurrentUserId()!.Value;
        var row = await db.Set<ContactRequest>().Where(r => r.Id == id && r.CandidateId == me)
            .Join(db.Set<CompanyProfile>(), r => r.CompanyId, c => c.UserId, (r, c) => new { Request = r, Company = c })
            .SingleOrDefaultAsync(ct);
        if (row is null)
        {
            return TypedResults.NotFound();
        }

        var wanted = accept ? ContactStatus.Accepted : ContactStatus.Declined;
        var request = row.Request;
        if (request.Status != wanted)
        {
            if (request.Status != ContactStatus.Pending)
            {
                return AlreadyAnswered();
            }

            var now = clock.GetUtcNow();
            // The answer and its event commit together; the condition makes "aceitar" and "recusar" clicked at once
            // end with one answer and one notification.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var changed = await db.Set<ContactRequest>().Where(r => r.Id == id && r.Status == ContactStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, wanted).SetProperty(r => r.AnsweredAt, now), ct);
            if (changed == 0)
            {
                return AlreadyAnswered();
            }

            events.Publish(new ContactRequestAnswered(id, request.CompanyId, me, principal.FindFirstValue("name") ?? "", accept, now));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            await db.Entry(request).ReloadAsync(ct);
        }

        var jobTitles = await JobTitlesAsync(db, [request.JobId], ct);
        return TypedResults.Ok(new ReceivedContactRequest(request.Id, row.Company.UserId, row.Company.Name, row.Company.LogoUrl, request.JobId,
            request.JobId is { } jobId ? jobTitles.GetValueOrDefault(jobId) : null, request.Message, EnumLabels.ToLabel(request.Status),
            request.CreatedAt, request.AnsweredAt));
    }

    /// <summary>Candidates who accepted <paramref name="companyId"/>'s request among <paramref name="candidateIds"/>.</summary>
    internal static async Task<HashSet<Guid>> AcceptedAsync(CompilaDb db, Guid companyId, IReadOnlyCollection<Guid> candidateIds, CancellationToken ct) =>
        [.. await db.Set<ContactRequest>().AsNoTracking()
            .Where(r => r.CompanyId == companyId && r.Status == ContactStatus.Accepted && candidateIds.Contains(r.CandidateId))
            .Select(r => r.CandidateId).ToListAsync(ct)];

    static async Task<Dictionary<Guid, string>> JobTitlesAsync(CompilaDb db, IEnumerable<Guid?> jobIds, CancellationToken ct)
    {
        var ids = jobIds.OfType<Guid>().Distinct().ToList();
        return ids.Count == 0 ? [] : await db.Set<Job>().AsNoTracking().Where(j => ids.Contains(j.Id)).ToDictionaryAsync(j => j.Id, j => j.Title, ct);
    }

    static ProblemHttpResult Problem(int status, string title, string detail) => TypedResults.Problem(statusCode: status, title: title, detail: detail);

    static ProblemHttpResult AlreadySent() =>
        Problem(StatusCodes.Status409Conflict, "Pedido já enviado.", "Sua empresa já pediu contato a essa pessoa; aguarde a resposta dela.");

    static ProblemHttpResult AlreadyAnswered() =>
        Problem(StatusCodes.Status422UnprocessableEntity, "Pedido já respondido.", "Você já respondeu a esse pedido de contato.");
}
