using Compila.Web.Features.Jobs.Contracts;
using Compila.Web.Infrastructure.Data;
using Compila.Web.Infrastructure.Events;

namespace Compila.Web.Features.Notifications;

/// <summary>Tells a candidate that a company moved their application.</summary>
internal sealed class ApplicationNotifications(CompilaDb db) : IEventHandler<ApplicationStatusChanged>
{
    public Task HandleAsync(ApplicationStatusChanged published, EventMetadata metadata, CancellationToken ct)
    {
        var (title, body) = published.Status switch
        {
            "reviewing" => ("Sua candidatura está em análise", $"{published.CompanyName} começou a analisar sua candidatura para “{published.JobTitle}”."),
            "interview" => ("Convite para entrevista", $"{published.CompanyName} quer entrevistar você para “{published.JobTitle}”."),
            "offer" => ("Você recebeu uma proposta", $"{published.CompanyName} fez uma proposta para “{published.JobTitle}”."),
            "rejected" => ("Candidatura não selecionada", $"{published.CompanyName} seguiu com outras pessoas para “{published.JobTitle}”. Continue praticando: cada desafio conta no seu portfólio."),
            _ => ("Sua candidatura mudou", $"{published.CompanyName} atualizou sua candidatura para “{published.JobTitle}”."),
        };
        db.Add(new Notification
        {
            UserId = published.CandidateId,
            Kind = "application_status",
            Title = title,
            Body = body,
            Link = "/candidaturas",
            CreatedAt = published.ChangedAt,
        });
        return Task.CompletedTask;
    }
}
