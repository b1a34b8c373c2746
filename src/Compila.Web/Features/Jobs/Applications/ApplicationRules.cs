namespace Compila.Web.Features.Jobs.Applications;

public sealed record ApplyRequest(string? Note);

public sealed record ApplicationStatusRequest(string? Status);

public static class ApplicationRules
{
    public const int NoteMax = 2_000;

    /// <summary>Where a company may move an application; received and withdrawn are the candidate's doing.</summary>
    public static readonly IReadOnlyList<ApplicationStatus> CompanyMoves =
        [ApplicationStatus.Reviewing, ApplicationStatus.Interview, ApplicationStatus.Offer, ApplicationStatus.Rejected];

    public static string StatusName(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Received => "recebida",
        ApplicationStatus.Reviewing => "em análise",
        ApplicationStatus.Interview => "entrevista",
        ApplicationStatus.Offer => "proposta",
        ApplicationStatus.Rejected => "não selecionada",
        _ => "retirada",
    };
}
