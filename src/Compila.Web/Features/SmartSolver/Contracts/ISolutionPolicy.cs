using Compila.Web.Infrastructure.Data;

namespace Compila.Web.Features.SmartSolver.Contracts;

/// <summary>Whether a learner gave up a challenge (saw its solution, and so earns no XP for it). Used by the XP rules.</summary>
public interface ISolutionPolicy
{
    /// <summary>Asked on the caller's <paramref name="db"/>, so it reads inside the caller's transaction.</summary>
    Task<bool> HasGivenUpAsync(CompilaDb db, Guid userId, Guid challengeId, CancellationToken ct);
}
