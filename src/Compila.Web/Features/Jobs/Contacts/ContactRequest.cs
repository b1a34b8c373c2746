using Compila.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compila.Web.Features.Jobs.Contacts;

public enum ContactStatus
{
    Pending,
    Accepted,
    Declined,
}

/// <summary>
/// A company's request to contact a discoverable candidate. One per company and candidate, ever: a declined
/// request is an answer, not an invitation to ask again. Accepting is the candidate's consent to show that company
/// their contact email. LGPD: deleted with either party.
/// </summary>
public sealed class ContactRequest
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CompanyId { get; set; }
    public Guid CandidateId { get; set; }
    public Guid? JobId { get; set; }
    public required string Message { get; set; }
    public ContactStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
}

internal sealed class ContactRequestConfiguration : IEntityTypeConfiguration<ContactRequest>
{
    public void Configure(EntityTypeBuilder<ContactRequest> request)
    {
        request.ToTable("contact_requests", t => t.HasCheckConstraint("ck_contact_requests_status", EnumLabels.CheckSql<ContactStatus>("status")));
        request.HasKey(r => r.Id);
        request.Property(r => r.Message).HasMaxLength(ContactRules.MessageMax);
        request.Property(r => r.Status).HasConversion(EnumLabels.Converter<ContactStatus>()).HasMaxLength(20);
        request.HasIndex(r => new { r.CompanyId, r.CandidateId }).IsUnique();
        request.HasIndex(r => new { r.CandidateId, r.CreatedAt });
        request.HasOne<Companies.CompanyProfile>().WithMany().HasForeignKey(r => r.CompanyId).OnDelete(DeleteBehavior.Cascade);
    }
}
