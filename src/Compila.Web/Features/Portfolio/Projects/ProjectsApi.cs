using Compila.Web.Infrastructure.Text;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Compila.Web.Features.Challenges.Contracts;
using Compila.Web.Features.Submissions.Contracts;
using Compila.Web.Features.Users.Contracts;
using Compila.Web.Infrastructure.Data;
using Compila.Web.Infrastructure.Errors;
using Compila.Web.Infrastructure.Identity;
using Compila.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Compila.Web.Features.Portfolio.Projects;

/// <summary>
/// <c>/v1/portfolio/projects</c>: the owner's projects (create, edit, delete, order, images, thumbnail), a
/// project's public page data with its view counter, likes, verified projects from passed submissions, and the
/// public, signed verification records under <c>/v1/portfolio/verifications</c>.
/// </summary>
public static class ProjectsApi
{
    public const string VerificationsPath = "/v1/portfolio/verifications";

    static readonly TimeSpan SaoPaulo = TimeSpan.FromHours(-3);

    public static void MapPortfolioProjectsApi(this IEndpointRouteBuilder app)
    {
        var projects = app.MapGroup("/v1/portfolio/projects").WithTags("Portfolio").RequireAuthorization();
        projects.MapGet("/", ListMine).WithName("ListMyProjects");
        projects.MapPost("/", Create).WithName("CreateProject");
        projects.MapPut("/order", Reorder).WithName("ReorderProjects");
        projects.MapGet("/{id:guid}", Get).WithName("GetProject").AllowAnonymous();
        projects.MapPut("/{id:guid}", Update).WithName("UpdateProject");
        projects.MapDelete("/{id:guid}", Delete).WithName("DeleteProject");
        projects.MapPost("/{id:guid}/images", UploadImage).WithName("UploadProjectImage")
            .WithMetadata(new UploadSizeLimit());
        projects.MapDelete("/{id:guid}/images/{name}", DeleteImage).WithName("DeleteProjectImage");
        projects.MapPost("/{id:guid}/thumbnail", UploadThumbnail).WithName("UploadProjectThumbnail")
            .WithMetadata(new UploadSizeLimit());
        projects.MapPost("/{id:guid}/like", Like).WithName("LikeProject");
        projects.MapDelete("/{id:guid}/like", Unlike).WithName("UnlikeProject");
        projects.MapPost("/from-submission/{submissionId:guid}", FromSubmission).WithName("CreateProjectFromSubmission");

        var verifications = app.MapGroup(VerificationsPath).WithTags("Portfolio").AllowAnonymous();
        verifications.MapGet("/keys", Keys).WithName("VerificationKeys");
        verifications.MapGet("/{id:guid}", GetVerification).WithName("GetVerification");
    }

    internal static async Task<Ok<List<ProjectResource>>> ListMine(ClaimsPrincipal principal, CompilaDb db, CancellationToken ct)
    {
        var me = principal.CurrentUserId();
        var projects = await Ordered(db.Set<PortfolioProject>().AsNoTracking().Include(p => p.Verification).Where(p => p.UserId == me))
            .ToListAsync(ct);
        return TypedResults.Ok(projects.Select(ToResource).ToList());
    }

    internal static async Task<Results<Created<ProjectResource>, ValidationProblem, ProblemHttpResult>> Create(
        ProjectRequest request, ClaimsPrincipal principal, CompilaDb db, CancellationToken ct)
    {
        var me = principal.CurrentUserId()!.Value;
        var errors = new ValidationErrors();
        ProjectRules.Validate(request, errors);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var count = await db.Set<PortfolioProject>().CountAsync(p => p.UserId == me, ct);
        if (count >= ProjectRules.ProjectsMax)
        {
            return Problem(StatusCodes.Status422UnprocessableEntity, $"Você chegou ao limite de {ProjectRules.ProjectsMax} projetos.");
        }

        var slug = request.Slug ?? await FreeSlugAsync(db, me, ProjectRules.SlugFrom(request.Title!), ct);
        if (await SlugTakenAsync(db, me, slug, except: null, ct))
        {
            return SlugConflict(slug);
        }

        var project = new PortfolioProject { UserId = me, Title = "", Slug = slug, DisplayOrder = await NextOrderAsync(db, me, ct) };
        Apply(project, request);
        db.Add(project);
        if (!await TrySaveAsync(db, ct))
        {
            return SlugConflict(slug);
        }

        return TypedResults.Created($"/v1/portfolio/projects/{project.Id}", ToResource(project));
    }

    internal static async Task<Results<Ok<ProjectResource>, ValidationProblem, NotFound, ProblemHttpResult>> Update(
        Guid id, ProjectRequest request, ClaimsPrincipal principal, CompilaDb db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        ProjectRules.Validate(request, errors);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        if (await FindOwnAsync(db, principal, id, ct) is not { } project)
        {
            return TypedResults.NotFound();
        }

        // An absent slug keeps the current one, so shared links keep working after an edit.
        var slug = request.Slug ?? project.Slug;
        if (await SlugTakenAsync(db, project.UserId, slug, except: project.Id, ct))
        {
            return SlugConflict(slug);
        }

        project.Slug = slug;
        Apply(project, request);
        project.UpdatedAt = DateTimeOffset.UtcNow;
        if (!await TrySaveAsync(db, ct))
        {
            return SlugConflict(slug);
        }

        return TypedResults.Ok(ToResource(project));
    }

    internal static async Task<Results<NoContent, NotFound>> Delete(
        Guid id, ClaimsPrincipal principal, CompilaDb db, IFileStorage storage, CancellationToken ct)
    {
        if (await FindOwnAsync(db, principal, id, ct) is not { } project)
        {
            return TypedResults.NotFound();
        }

        var files = project.Images.Append(project.ThumbnailUrl).Select(FileKeys.FromUrl).OfType<string>().ToList();
        db.Remove(project);
        await db.SaveChangesAsync(ct);
        await storage.DeleteUnreferencedAsync(files, ct);

        return TypedResults.NoContent();
    }

    internal static async Task<Results<Ok<List<ProjectResource>>, ValidationProblem>> Reorder(
        ProjectOrderRequest request, ClaimsPrincipal principal, CompilaDb db, CancellationToken ct)
    {
        var me = principal.CurrentUserId();
        var projects = await db.Set<PortfolioProject>().Include(p => p.Verification).Where(p => p.UserId == me).ToListAsync(ct);
        var ids = request.Ids ?? [];
        if (ids.Count != projects.Count || ids.Distinct().Count() != ids.Count || !projects.All(p => ids.Contains(p.Id)))
        {
            return new ValidationErrors().Add("ids", "Envie todos os seus projetos, cada um uma única vez, na ordem desejada.").ToProblem();
        }

        foreach (var project in projects)
        {
            project.DisplayOrder = ids.IndexOf(project.Id);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(Ordered(projects.AsQueryable()).Select(ToResource).ToList());
    }

    /// <summary>A project as its page shows it; a visit by someone other than the owner counts as a view.</summary>
    internal static async Task<Results<Ok<ProjectResource>, NotFound>> Get(
        Guid id, string? share, ClaimsPrincipal principal, HttpContext http, CompilaDb db, IUserDirectory directory, CancellationToken ct)
    {
        var project = await db.Set<PortfolioProject>().AsNoTracking().Include(p => p.Verification).SingleOrDefaultAsync(p => p.Id == id, ct);
        var viewer = principal.CurrentUserId();
        if (project is null || !await CanViewAsync(directory, project.UserId, viewer, share, ct))
        {
            return TypedResults.NotFound();
        }

        if (viewer != project.UserId && await CountViewAsync(db, project.Id, ViewerKey(viewer, http), ct) is { } views)
        {
            project.Views = views;
        }

        return TypedResults.Ok(ToResource(project));
    }

    internal static Task<Results<Ok<ProjectResource>, ValidationProblem, NotFound, ProblemHttpResult>> UploadImage(
        Guid id, HttpRequest request, ClaimsPrincipal principal, CompilaDb db, IFileStorage storage, CancellationToken ct) =>
        UploadAsync(id, thumbnail: false, request, principal, db, storage, ct);

    internal static Task<Results<Ok<ProjectResource>, ValidationProblem, NotFound, ProblemHttpResult>> UploadThumbnail(
        Guid id, HttpRequest request, ClaimsPrincipal principal, CompilaDb db, IFileStorage storage, CancellationToken ct) =>
        UploadAsync(id, thumbnail: true, request, principal, db, storage, ct);

    internal static async Task<Results<Ok<ProjectResource>, NotFound>> DeleteImage(
        Guid id, string name, ClaimsPrincipal principal, CompilaDb db, IFileStorage storage, CancellationToken ct)
    {
        if (await FindOwnAsync(db, principal, id, ct) is not { } project)
        {
            return TypedResults.NotFound();
        }

        var url = project.Images.FirstOrDefault(u => u.EndsWith("/" + name, StringComparison.Ordinal));
        if (url is null)
        {
            return TypedResults.NotFound();
        }

        project.Images = project.Images.Where(u => u != url).ToList();
        project.UpdatedAt = DateTimeOffset.UtcNow;
        await db.SaveChangesAsync(ct);
        await storage.DeleteUnreferencedAsync([FileKeys.FromUrl(url)!], ct);
        return TypedResults.Ok(ToResource(project));
    }

    internal static async Task<Results<Ok<LikeResource>, NotFound, ProblemHttpResult>> Like(
        Guid id, string? share, ClaimsPrincipal principal, CompilaDb db, IUserDirectory directory, CancellationToken ct)
    {
        var me = principal.CurrentUserId()!.Value;
        var owner = await db.Set<PortfolioProject>().Where(p => p.Id == id).Select(p => (Guid?)p.UserId).SingleOrDefaultAsync(ct);
        if (owner is null || !await CanViewAsync(directory, owner.Value, me, share, ct))
        {
            return TypedResults.NotFound();
        }

        if (owner == me)
        {
            return Problem(StatusCodes.Status422UnprocessableEntity, "Você não pode curtir o próprio projeto.");
        }

        if (!await db.Set<ProjectLike>().AnyAsync(l => l.ProjectId == id && l.UserId == me, ct))
        {
            db.Add(new ProjectLike { ProjectId = id, UserId = me });
            // A concurrent like by the same user already counts: losing the insert race changes nothing.
            await TrySaveAsync(db, ct);
        }

        return TypedResults.Ok(new LikeResource(await RecountLikesAsync(db, id, ct), true));
    }

    internal static async Task<Results<Ok<LikeResource>, NotFound>> Unlike(Guid id, ClaimsPrincipal principal, CompilaDb db, CancellationToken ct)
    {
        var me = principal.CurrentUserId()!.Value;
        if (!await db.Set<PortfolioProject>().AnyAsync(p => p.Id == id, ct))
        {
            return TypedResults.NotFound();
        }

        await db.Set<ProjectLike>().Where(l => l.ProjectId == id && l.UserId == me).ExecuteDeleteAsync(ct);
        return TypedResults.Ok(new LikeResource(await RecountLikesAsync(db, id, ct), false));
    }

    /// <summary>
    /// Makes a verified project from the caller's own passed submission, attested by a signed record. The same
    /// submission again answers the project already made (200) instead of a copy.
    /// </summary>
    internal static async Task<Results<Created<ProjectResource>, Ok<ProjectResource>, NotFound, ProblemHttpResult>> FromSubmission(
        Guid submissionId, [FromBody(EmptyBodyBehavior = Microsoft.AspNetCore.Mvc.ModelBinding.EmptyBodyBehavior.Allow)] FromSubmissionRequest? request,
        ClaimsPrincipal principal, CompilaDb db, ISubmissionRecords submissions, IChallengeCatalog catalog, VerificationKeys keys, CancellationToken ct)
    {
        var me = principal.CurrentUserId()!.Value;
        if (await ExistingFromSubmissionAsync(db, me, submissionId, ct) is { } existing)
        {
            return TypedResults.Ok(ToResource(existing));
        }

        var submission = await submissions.FindOwnAsync(me, submissionId, ct);
        if (submission is null)
        {
            return TypedResults.NotFound();
        }

        if (submission.Status != "passed")
        {
            return Problem(StatusCodes.Status422UnprocessableEntity,
                "Só uma submissão aprovada em todos os testes pode virar um projeto verificado.");
        }

        var challenge = await catalog.All().Where(c => c.Id == submission.ChallengeId)
            .Select(c => new { c.Id, c.Slug, c.Title, c.Stack, c.Technologies }).SingleOrDefaultAsync(ct);
        if (challenge is null)
        {
            return TypedResults.NotFound();
        }

        var now = DateTimeOffset.UtcNow;
        var passedAt = submission.JudgedAt ?? submission.SubmittedAt;
        var project = new PortfolioProject
        {
            UserId = me,
            Title = Truncate(challenge.Title, ProjectRules.TitleMax),
            Slug = await FreeSlugAsync(db, me, ProjectRules.SlugFrom(challenge.Slug), ct),
            ShortDescription = Truncate(
                $"Desafio “{challenge.Title}” resolvido em {submission.Language}: {submission.TestsPassed} de {submission.TestsTotal} testes aprovados, verificado pelo compila.dev.",
                ProjectRules.ShortDescriptionMax),
            Stack = challenge.Stack,
            Technologies = ProjectRules.Technologies([.. challenge.Technologies, submission.Language]).Take(ProjectRules.TechnologiesMax).ToList(),
            ChallengeId = challenge.Id,
            SubmissionId = submission.Id,
            ShowCode = request?.ShowCode ?? false,
            DisplayOrder = await NextOrderAsync(db, me, ct),
            CreatedAt = now,
            UpdatedAt = now,
        };
        var verificationId = Guid.CreateVersion7();
        var payload = VerificationKeys.Canonical(new Dictionary<string, object>
        {
            ["type"] = "compila.dev/verified-solution",
            ["v"] = 1,
            ["id"] = verificationId,
            ["projectId"] = project.Id,
            ["userId"] = me,
            ["username"] = principal.FindFirstValue("name") ?? "",
            ["submissionId"] = submission.Id,
            ["challengeId"] = challenge.Id,
            ["challengeSlug"] = challenge.Slug,
            ["challengeTitle"] = challenge.Title,
            ["language"] = submission.Language,
            ["testsPassed"] = submission.TestsPassed,
            ["testsTotal"] = submission.TestsTotal,
            ["passedAt"] = passedAt,
            ["issuedAt"] = now,
            ["codeSha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(submission.Code))),
        });
        project.Verification = new ProjectVerificationRecord
        {
            Id = verificationId,
            ProjectId = project.Id,
            UserId = me,
            SubmissionId = submission.Id,
            ChallengeId = challenge.Id,
            ChallengeSlug = challenge.Slug,
            Language = submission.Language,
            TestsPassed = submission.TestsPassed,
            TestsTotal = submission.TestsTotal,
            PassedAt = passedAt,
            IssuedAt = now,
            Payload = payload,
            Signature = keys.Sign(payload),
            KeyId = keys.KeyId,
            Code = submission.Code,
        };
        db.Add(project);
        if (!await TrySaveAsync(db, ct))
        {
            // The same submission sent twice at once: the other request made the project.
            return await ExistingFromSubmissionAsync(db, me, submissionId, ct) is { } made
                ? TypedResults.Ok(ToResource(made))
                : Problem(StatusCodes.Status409Conflict, "Não foi possível criar o projeto agora. Tente de novo.");
        }

        return TypedResults.Created($"/v1/portfolio/projects/{project.Id}", ToResource(project));
    }

    internal static Ok<VerificationKeySet> Keys(VerificationKeys keys) => TypedResults.Ok(new VerificationKeySet([keys.PublicJwk]));

    /// <summary>Public as the owner's profile is: a private profile's records are not found, a link-only one's need the share token.</summary>
    internal static async Task<Results<Ok<VerificationResource>, NotFound>> GetVerification(
        Guid id, string? share, ClaimsPrincipal principal, CompilaDb db, IUserDirectory directory, CancellationToken ct)
    {
        var found = await db.Set<PortfolioProject>().AsNoTracking().Where(p => p.Verification!.Id == id)
            .Select(p => new { p.Title, p.ShowCode, p.UserId, p.Verification }).SingleOrDefaultAsync(ct);
        if (found?.Verification is not { } verification || !await CanViewAsync(directory, found.UserId, principal.CurrentUserId(), share, ct))
        {
            return TypedResults.NotFound();
        }

        using var record = JsonDocument.Parse(verification.Payload);
        return TypedResults.Ok(new VerificationResource(
            verification.Id, "ES256", verification.KeyId, VerificationsPath + "/keys", verification.Payload, verification.Signature,
            record.RootElement.Clone(), found.Title, found.ShowCode ? verification.Code : null));
    }

    static async Task<Results<Ok<ProjectResource>, ValidationProblem, NotFound, ProblemHttpResult>> UploadAsync(
        Guid id, bool thumbnail, HttpRequest request, ClaimsPrincipal principal, CompilaDb db, IFileStorage storage, CancellationToken ct)
    {
        if (await FindOwnAsync(db, principal, id, ct) is not { } project)
        {
            return TypedResults.NotFound();
        }

        if (!request.HasFormContentType)
        {
            return Problem(StatusCodes.Status415UnsupportedMediaType, "Envie a imagem como multipart/form-data, no campo \"file\".");
        }

        IFormFile? file;
        try
        {
            var form = await request.ReadFormAsync(ct);
            file = form.Files.GetFile("file") ?? (form.Files.Count > 0 ? form.Files[0] : null);
        }
        catch (InvalidDataException)
        {
            return Problem(StatusCodes.Status400BadRequest, "O formulário enviado está malformado.");
        }

        if (file is null)
        {
            return new ValidationErrors().Add("file", "Envie a imagem no campo \"file\".").ToProblem();
        }

        if (file.Length > ProjectImages.MaxBytes)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "A imagem passa de 5 MB.");
        }

        if (!thumbnail && project.Images.Count >= ProjectRules.ImagesMax)
        {
            return Problem(StatusCodes.Status422UnprocessableEntity, $"Um projeto tem no máximo {ProjectRules.ImagesMax} imagens.");
        }

        byte[] bytes;
        using (var buffer = new MemoryStream((int)file.Length))
        {
            await file.CopyToAsync(buffer, ct);
            bytes = buffer.ToArray();
        }

        var outcome = ProjectImages.Process(bytes, thumbnail);
        if (outcome is ImageOutcome.Refused refused)
        {
            return Problem(refused.Status, refused.Detail);
        }

        var accepted = (ImageOutcome.Accepted)outcome;
        var key = $"portfolio/{project.UserId:N}/{project.Id:N}/{Guid.CreateVersion7():N}.{accepted.Extension}";
        await storage.PutAsync(key, accepted.Content, accepted.ContentType, ct);
        var previousThumbnail = thumbnail ? FileKeys.FromUrl(project.ThumbnailUrl) : null;
        if (thumbnail)
        {
            project.ThumbnailUrl = FileKeys.Url(key);
        }
        else
        {
            project.Images = [.. project.Images, FileKeys.Url(key)];
        }

        project.UpdatedAt = DateTimeOffset.UtcNow;
        await db.SaveChangesAsync(ct);
        if (previousThumbnail is not null)
        {
            await storage.DeleteUnreferencedAsync([previousThumbnail], ct);
        }

        return TypedResults.Ok(ToResource(project));
    }

    static async Task<bool> CanViewAsync(IUserDirectory directory, Guid ownerId, Guid? viewer, string? share, CancellationToken ct) =>
        await directory.FindByIdAsync(ownerId, ct) is { } owner && await directory.CanViewAsync(owner, viewer, share, ct);

    static void Apply(PortfolioProject project, ProjectRequest request)
    {
        project.Title = request.Title!.Trim();
        project.ShortDescription = Blank(request.ShortDescription);
        project.LongDescription = Blank(request.LongDescription);
        project.LongDescriptionHtml = SafeMarkdown.ToSafeHtml(project.LongDescription);
        project.Stack = EnumLabels.Parse<ChallengeStack>(request.Stack!);
        project.Technologies = ProjectRules.Technologies(request.Technologies);
        project.DemoUrl = Blank(request.DemoUrl);
        project.RepoUrl = Blank(request.RepoUrl);
        project.Featured = request.Featured ?? project.Featured;
        project.ShowCode = request.ShowCode ?? project.ShowCode;
    }

    static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    static string Truncate(string value, int max) => value.Length <= max ? value : value[..(max - 1)] + "…";

    static IQueryable<PortfolioProject> Ordered(IQueryable<PortfolioProject> projects) =>
        projects.OrderByDescending(p => p.Featured).ThenBy(p => p.DisplayOrder).ThenBy(p => p.CreatedAt);

    static async Task<PortfolioProject?> FindOwnAsync(CompilaDb db, ClaimsPrincipal principal, Guid id, CancellationToken ct)
    {
        var me = principal.CurrentUserId();
        return await db.Set<PortfolioProject>().Include(p => p.Verification).SingleOrDefaultAsync(p => p.Id == id && p.UserId == me, ct);
    }

    static Task<PortfolioProject?> ExistingFromSubmissionAsync(CompilaDb db, Guid me, Guid submissionId, CancellationToken ct) =>
        db.Set<PortfolioProject>().AsNoTracking().Include(p => p.Verification)
            .SingleOrDefaultAsync(p => p.UserId == me && p.SubmissionId == submissionId, ct);

    static Task<bool> SlugTakenAsync(CompilaDb db, Guid owner, string slug, Guid? except, CancellationToken ct) =>
        db.Set<PortfolioProject>().AnyAsync(p => p.UserId == owner && p.Slug == slug && p.Id != except, ct);

    /// <summary>The slug itself, or with <c>-2</c>, <c>-3</c>... when the owner already uses it.</summary>
    static async Task<string> FreeSlugAsync(CompilaDb db, Guid owner, string slug, CancellationToken ct)
    {
        var taken = await db.Set<PortfolioProject>().Where(p => p.UserId == owner && p.Slug.StartsWith(slug))
            .Select(p => p.Slug).ToListAsync(ct);
        var candidate = slug;
        for (var n = 2; taken.Contains(candidate); n++)
        {
            var suffix = "-" + n;
            candidate = slug[..Math.Min(slug.Length, ProjectRules.SlugMax - suffix.Length)].TrimEnd('-') + suffix;
        }

        return candidate;
    }

    static async Task<int> NextOrderAsync(CompilaDb db, Guid owner, CancellationToken ct) =>
        (await db.Set<PortfolioProject>().Where(p => p.UserId == owner).MaxAsync(p => (int?)p.DisplayOrder, ct) ?? -1) + 1;

    /// <summary>Saves, or undoes the pending changes and answers false when a unique key refused them.</summary>
    static async Task<bool> TrySaveAsync(CompilaDb db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>Counts from the rows, in one statement, so concurrent likes cannot lose an increment.</summary>
    static async Task<int> RecountLikesAsync(CompilaDb db, Guid id, CancellationToken ct)
    {
        await db.Set<PortfolioProject>().Where(p => p.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Likes, p => db.Set<ProjectLike>().Count(l => l.ProjectId == p.Id)), ct);
        return await db.Set<PortfolioProject>().Where(p => p.Id == id).Select(p => p.Likes).SingleAsync(ct);
    }

    /// <summary>One view per viewer and São Paulo day; bots count none. Returns the new total, or null when not counted.</summary>
    static async Task<int?> CountViewAsync(CompilaDb db, Guid id, string? viewerKey, CancellationToken ct)
    {
        if (viewerKey is null)
        {
            return null;
        }

        var day = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(SaoPaulo).DateTime);
        if (await db.Set<ProjectView>().AnyAsync(v => v.ProjectId == id && v.ViewerKey == viewerKey && v.Day == day, ct))
        {
            return null;
        }

        db.Add(new ProjectView { ProjectId = id, ViewerKey = viewerKey, Day = day });
        if (!await TrySaveAsync(db, ct))
        {
            return null;
        }

        await db.Set<PortfolioProject>().Where(p => p.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Views, p => db.Set<ProjectView>().Count(v => v.ProjectId == p.Id)), ct);
        return await db.Set<PortfolioProject>().Where(p => p.Id == id).Select(p => p.Views).SingleAsync(ct);
    }

    /// <summary>The signed-in user, else a hash of address and User-Agent (no address is stored); null for bots.</summary>
    static string? ViewerKey(Guid? viewer, HttpContext http)
    {
        var agent = http.Request.Headers.UserAgent.ToString();
        if (Bots.IsBot(agent))
        {
            return null;
        }

        if (viewer is { } id)
        {
            return id.ToString("N");
        }

        var address = http.Connection.RemoteIpAddress?.ToString() ?? "";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(address + "\n" + agent)));
    }

    static ProjectResource ToResource(PortfolioProject p) => new(
        p.Id, p.UserId, p.Title, p.Slug, p.ShortDescription, p.LongDescription, p.LongDescriptionHtml,
        EnumLabels.ToLabel(p.Stack), p.Technologies, p.DemoUrl, p.RepoUrl, p.ThumbnailUrl, p.Images,
        p.Featured, p.DisplayOrder, p.Views, p.Likes, p.ShowCode, ToVerification(p.Verification), p.CreatedAt, p.UpdatedAt);

    internal static ProjectVerification? ToVerification(ProjectVerificationRecord? v) => v is null
        ? null
        : new ProjectVerification(v.Id, v.ChallengeId, v.ChallengeSlug, v.Language, v.TestsPassed, v.TestsTotal, v.PassedAt,
            $"{VerificationsPath}/{v.Id}");

    static ProblemHttpResult SlugConflict(string slug) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "Conflito.",
        detail: $"Você já tem um projeto com o endereço \"{slug}\". Escolha outro.",
        extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["slug"] = ["Este endereço já está em uso em outro projeto seu."] } });

    static ProblemHttpResult Problem(int status, string detail) => TypedResults.Problem(
        statusCode: status,
        title: status switch
        {
            400 => "Requisição inválida.",
            409 => "Conflito.",
            413 => "Arquivo grande demais.",
            415 => "Formato não suportado.",
            _ => "Não foi possível concluir.",
        },
        detail: detail);

    sealed class UploadSizeLimit : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => ProjectImages.MaxRequestBytes;
    }
}

/// <summary>User-Agents of crawlers, link previewers and scripts, whose visits are not views.</summary>
internal static class Bots
{
    static readonly string[] Markers =
    [
        "bot", "crawl", "spider", "slurp", "preview", "facebookexternalhit", "embedly", "headless", "curl", "wget",
        "python-requests", "httpclient", "go-http-client", "java/", "okhttp", "axios", "scrapy", "lighthouse", "monitor",
    ];

    public static bool IsBot(string userAgent) =>
        string.IsNullOrWhiteSpace(userAgent) || Markers.Any(m => userAgent.Contains(m, StringComparison.OrdinalIgnoreCase));
}
