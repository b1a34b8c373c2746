using Compila.Web.Features.Jobs.Matching;
using Compila.Web.Features.Jobs.Postings;

namespace Compila.Web.Features.Jobs.Applications;

/// <summary>An application as its candidate sees it; <paramref name="Featured"/> as the company sees it (see <see cref="JobApplication.Featured"/>).</summary>
public sealed record MyApplication(
    Guid Id, Guid JobId, string Status, string? Note, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, JobResource Job, bool Featured);

public sealed record ApplicantContact(Guid Id, string Username, string? FullName, string? AvatarUrl, string? Email);

/// <summary>
/// An application as the company that posted the job sees it: ranked by the snapshot's evidence, then featured first
/// among equal scores (<paramref name="Featured"/>: the candidate held a plan that unlocks it when applying).
/// </summary>
public sealed record Applicant(
    Guid Id, string Status, string? Note, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    int Score, string Explanation, IReadOnlyList<string> Matched, IReadOnlyList<string> Missing,
    ApplicantContact Candidate, PortfolioSnapshot Snapshot, bool Featured);

internal static class ApplicantMatching
{
    public static JobNeeds Needs(Job job) => new(job.Stack, job.Level, job.Technologies);
}
