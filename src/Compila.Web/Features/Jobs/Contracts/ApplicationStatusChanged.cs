using Compila.Web.Infrastructure.Events;

namespace Compila.Web.Features.Jobs.Contracts;

/// <summary>
/// A company moved an application (<paramref name="Status"/>: <c>reviewing</c>, <c>interview</c>, <c>offer</c>,
/// <c>rejected</c>). The candidate is told by whoever handles it (Notifications).
/// </summary>
public sealed record ApplicationStatusChanged(
    Guid ApplicationId,
    Guid JobId,
    string JobTitle,
    Guid CompanyId,
    string CompanyName,
    Guid CandidateId,
    string PreviousStatus,
    string Status,
    DateTimeOffset ChangedAt) : IPublishedEvent
{
    public static string Type => "application_status_changed";
}
