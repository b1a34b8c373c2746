using Compila.Web.Features.Jobs.Contracts;
using Compila.Web.Infrastructure.Data;
using Compila.Web.Infrastructure.Events;

namespace Compila.Web.Features.Notifications;

/// <summary>Tells a candidate a company asks to contact them, and the company what the candidate answered.</summary>
internal sealed class ContactNotifications(CompilaDb db) : IEventHandler<ContactRequested>, IEventHandler<ContactRequestAnswered>
{
    public Task HandleAsync(ContactRequested published, EventMetadata metadata, CancellationToken ct)
    {
        var about = published.JobTitle is { } title ? $" sobre a vaga “{title}”" : "";
        db.Add(new Notification
        {
            UserId = published.CandidateId,
            Kind = "contact_request",
            Title = "Uma empresa quer falar com você",
            Body = $"{published.CompanyName} pediu para entrar em contato{about}. Seu email só aparece para ela se você aceitar.",
            Link = "/candidaturas",
            CreatedAt = published.RequestedAt,
        });
        return Task.CompletedTask;
    }

    public Task HandleAsync(ContactRequestAnswered published, EventMetadata metadata, CancellationToken ct)
    {
        db.Add(new Notification
        {
            UserId = published.CompanyId,
            Kind = "contact_answer",
            Title = published.Accepted ? "Pedido de contato aceito" : "Pedido de contato recusado",
            Body = published.Accepted
                ? $"{published.CandidateUsername} aceitou seu pedido de contato: o email aparece na lista de candidatos."
                : $"{published.CandidateUsername} preferiu não ser contatado agora.",
            Link = "/empresa",
            CreatedAt = published.AnsweredAt,
        });
        return Task.CompletedTask;
    }
}
