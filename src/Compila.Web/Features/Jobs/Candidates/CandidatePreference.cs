using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compila.Web.Features.Jobs.Candidates;

/// <summary>
/// Whether a learner lets companies find them (LGPD: opt-in, off unless a row says otherwise, withdrawn at any time
/// with immediate effect on every company view). Deleted with the learner.
/// </summary>
public sealed class CandidatePreference
{
    public Guid UserId { get; set; }
    public bool Discoverable { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// One thing a company did with a candidate's data (listed them as a match, read their application, moved it),
/// so the candidate can see who looked. Never updated; deleted with the candidate.
/// </summary>
public sealed class CompanyAccessEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CompanyId { get; set; }
    public Guid CandidateId { get; set; }
    public Guid? JobId { get; set; }
    public required string Action { get; set; }
    public DateTimeOffset At { get; set; }
}

internal sealed class CandidatePreferenceConfiguration : IEntityTypeConfiguration<CandidatePreference>
{
    public void Configure(EntityTypeBuilder<CandidatePreference> preference)
    {
        preference.ToTable("candidate_preferences");
        preference.HasKey(p => p.UserId);
        preference.HasIndex(p => p.Discoverable).HasFilter("discoverable");
    }
}

internal sealed class CompanyAccessEntryConfiguration : IEntityTypeConfiguration<CompanyAccessEntry>
{
    public void Configure(EntityTypeBuilder<CompanyAccessEntry> entry)
    {
        entry.ToTable("company_access_log");
        entry.HasKey(e => e.Id);
        entry.Property(e => e.Action).HasMaxLength(40);
        entry.HasIndex(e => new { e.CandidateId, e.At });
        entry.HasIndex(e => new { e.CompanyId, e.At });
    }
}
