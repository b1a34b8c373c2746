using System.Security.Claims;
using System.Text.Json;
using Compila.Web.Features.Challenges;
using Compila.Web.Features.Challenges.Contracts;
using Compila.Web.Features.SmartSolver.Contracts;
using Compila.Web.Features.Users;
using Compila.Web.Infrastructure.Data;
using Compila.Web.Infrastructure.Errors;
using Compila.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Compila.Web.Features.SmartSolver;

public sealed record GiveUpResponse(Guid ChallengeId, DateTimeOffset GivenUpAt, string SolutionUrl);

public sealed record SolutionResponse(Guid ChallengeId, string Language, IReadOnlyList<CodeFile> Files, string Reason);

public static class SmartSolverApi
{
    public static RouteGroupBuilder MapSmartSolverApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/challenges/{id:guid}").WithTags("Smart Solver").RequireAuthorization();
        api.MapPost("/give-up", GiveUp).WithName("GiveUpChallenge")
            .WithSummary("Desiste do desafio: libera a solução de referência e encerra o XP deste desafio.");
        api.MapGet("/solution", GetSolution).WithName("GetChallengeSolution")
            .WithSummary("Solução de referência, depois de passar no desafio ou desistir dele.");
        return api;
    }

    internal static async Task<Results<Ok<GiveUpResponse>, NotFound>> GiveUp(
        Guid id, ClaimsPrincipal principal, CompilaDb db, IChallengeCatalog catalog, TimeProvider clock, CancellationToken ct)
    {
        var userId = principal.CurrentUserId()!.Value;
        if (!await catalog.Published().AnyAsync(c => c.Id == id, ct))
        {
            return TypedResults.NotFound();
        }

        var existing = await db.Set<ChallengeGiveUp>().AsNoTracking().SingleOrDefaultAsync(g => g.UserId == userId && g.ChallengeId == id, ct);
        if (existing is null)
        {
            existing = new ChallengeGiveUp { UserId = userId, ChallengeId = id, GivenUpAt = clock.GetUtcNow() };
            db.Set<ChallengeGiveUp>().Add(existing);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // A concurrent give-up of the same learner won the unique index; theirs stands.
                db.ChangeTracker.Clear();
                existing = await db.Set<ChallengeGiveUp>().AsNoTracking().SingleAsync(g => g.UserId == userId && g.ChallengeId == id, ct);
            }
        }

        return TypedResults.Ok(new GiveUpResponse(id, existing.GivenUpAt, $"/v1/challenges/{id}/solution"));
    }

    internal static async Task<Results<Ok<SolutionResponse>, ProblemHttpResult, ValidationProblem, NotFound>> GetSolution(
        Guid id, ClaimsPrincipal principal, CompilaDb db, IChallengeCatalog catalog, ISolutionPolicy policy, CancellationToken ct, string? language = null)
    {
        var userId = principal.CurrentUserId()!.Value;
        var challenge = await catalog.Published().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (challenge is null)
        {
            return TypedResults.NotFound();
        }

        var solutions = challenge.SolutionCode is null ? []
            : JsonSerializer.Deserialize<Dictionary<string, List<CodeFile>>>(challenge.SolutionCode, JsonSerializerOptions.Web) ?? [];
        if (string.IsNullOrWhiteSpace(language) || !solutions.TryGetValue(language, out var files))
        {
            return new ValidationErrors().Add("language", $"Informe uma linguagem do desafio: {string.Join(", ", solutions.Keys.Order(StringComparer.Ordinal))}.").ToProblem();
        }

        var passed = await SolutionPolicy.HasPassedAsync(db, userId, id, ct);
        if (!passed && !await policy.HasGivenUpAsync(db, userId, id, ct))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Solução ainda bloqueada.",
                detail: $"A solução de referência fica disponível depois que você passar no desafio ou desistir dele (POST /v1/challenges/{id}/give-up). Desistir encerra o XP deste desafio.");
        }

        return TypedResults.Ok(new SolutionResponse(id, language, files, passed ? "passed" : "given_up"));
    }
}
