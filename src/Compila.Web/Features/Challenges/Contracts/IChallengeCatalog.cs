using Compila.Web.Features.Challenges.Contracts;
namespace Compila.Web.Features.Challenges.Contracts;

/// <summary>
/// How other features read challenges. <see cref="Published"/> is the one place the published rule lives; the
/// queries compose in the caller's unit of work (the same scoped DbContext), so joins stay in SQL.
/// </summary>
public interface IChallengeCatalog
{
    /// <summary>Challenges learners can see and solve.</summary>
    IQueryable<ChallengeFacts> Published();

    /// <summary>Every challenge, published or withdrawn: a submission made before a withdrawal is still judged.</summary>
    IQueryable<ChallengeFacts> All();
}

/// <summary>What other features know about a challenge: its identity, classification and rewards, no content.</summary>
public sealed record ChallengeFacts
{
    public Guid Id { get; init; }
    public required string Slug { get; init; }
    public required string Title { get; init; }
    public ChallengeStack Stack { get; init; }
    public ChallengeLevel Level { get; init; }
    public int Difficulty { get; init; }
    public int XpReward { get; init; }
    public List<string> Technologies { get; init; } = [];
    public List<string> Tags { get; init; } = [];
    public List<string> Badges { get; init; } = [];
    public List<string> Languages { get; init; } = [];
    public string? SolutionCode { get; init; }
}
