using Compila.Web.Infrastructure.Errors;

namespace Compila.Web.Features.Jobs.Contacts;

public sealed record ContactRequestBody(Guid? CandidateId, Guid? JobId, string? Message);

public static class ContactRules
{
    public const int MessageMax = 1_000;

    public static void Validate(ContactRequestBody body, ValidationErrors errors)
    {
        if (body.CandidateId is null || body.CandidateId == Guid.Empty)
        {
            errors.Add("candidateId", "Informe a pessoa candidata.");
        }

        if (string.IsNullOrWhiteSpace(body.Message))
        {
            errors.Add("message", "Escreva uma mensagem dizendo por que quer conversar.");
        }
        else
        {
            JobText.Check("message", body.Message, MessageMax, errors, multiline: true);
        }
    }
}
