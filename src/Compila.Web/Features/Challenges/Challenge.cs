using Compila.Web.Features.Challenges.Contracts;
namespace Compila.Web.Features.Challenges;

/// <summary>The spec's <c>challenges</c> row. JSON columns hold serialized documents (jsonb on PostgreSQL).</summary>
public sealed class Challenge
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public string? ShortDescription { get; set; }
    public required string Description { get; set; }

    public ChallengeStack Stack { get; set; }
    public ChallengeLevel Level { get; set; }
    public int Difficulty { get; set; }
    public List<string> Technologies { get; set; } = [];
    public List<string> Tags { get; set; } = [];

    /// <summary>JSON array of requirement texts.</summary>
    public string? Requirements { get; set; }

    /// <summary>JSON object: language → files.</summary>
    public string? StarterCode { get; set; }

    /// <summary>JSON object: language → files. Never leaves the server before the learner passes.</summary>
    public string? SolutionCode { get; set; }

    public int XpReward { get; set; } = 100;
    public int? EstimatedTimeMinutes { get; set; }
    public List<string> Badges { get; set; } = [];

    public int CompletedCount { get; set; }
    public int AttemptedCount { get; set; }
    public decimal? SuccessRate { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>JSON array of the visible cases, as learners may see them. Hidden cases are never stored here.</summary>
    public string? Examples { get; set; }

    /// <summary>Always null: it held the removed native kind's test files; kept until a migration drops the column.</summary>
    public string? TestFiles { get; set; }

    /// <summary>Languages with a reference solution.</summary>
    public List<string> Languages { get; set; } = [];

    /// <summary>Title, summary, tags and technologies folded to lower case without accents, for search.</summary>
    public string SearchText { get; set; } = "";

    /// <summary>Hash of the content the row was imported from; an unchanged hash skips the update.</summary>
    public string? ContentHash { get; set; }
}
