using Compila.Web.Infrastructure.Events;

namespace Compila.Web.Features.Jobs.Contracts;

/// <summary>A company asked an opted-in candidate for permission to contact them, optionally about one of its jobs.</summary>
public sealed record ContactRequested(
    Guid RequestId,
    Guid CompanyId,
    string CompanyName,
    Guid CandidateId,
    Guid? JobId,
    string? JobTitle,
    DateTimeOffset RequestedAt) : IPublishedEvent
{
    public static string Type => "contact_requested";
}

/// <summary>The candidate accepted (their contact is now visible to that company) or declined a contact request.</summary>
public sealed record ContactRequestAnswered(
    Guid RequestId,
    Guid CompanyId,
    Guid CandidateId,
    string CandidateUsername,
    bool Accepted,
    DateTimeOffset AnsweredAt) : IPublishedEvent
{
    public static string Type => "contact_request_answered";
}
