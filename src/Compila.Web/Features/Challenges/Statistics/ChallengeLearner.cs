using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compila.Web.Features.Challenges.Statistics;

/// <summary>
/// The challenges feature's own read model of who tried and who passed each challenge, fed by
/// <c>SubmissionJudged</c>: the counters are recounted from it, never from another feature's table.
/// </summary>
public sealed class ChallengeLearner
{
    public Guid ChallengeId { get; set; }
    public Guid UserId { get; set; }
    public bool Passed { get; set; }
}

internal sealed class ChallengeLearnerConfiguration : IEntityTypeConfiguration<ChallengeLearner>
{
    public void Configure(EntityTypeBuilder<ChallengeLearner> learner)
    {
        learner.ToTable("challenge_learners");
        learner.HasKey(l => new { l.ChallengeId, l.UserId });
        learner.HasOne<Challenge>().WithMany().HasForeignKey(l => l.ChallengeId).OnDelete(DeleteBehavior.Cascade);
    }
}
