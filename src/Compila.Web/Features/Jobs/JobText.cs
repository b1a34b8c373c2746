using Compila.Web.Infrastructure.Errors;

namespace Compila.Web.Features.Jobs;

/// <summary>Length, control-character and URL checks shared by company and job fields (pt-BR messages).</summary>
internal static class JobText
{
    public static void Check(string field, string? value, int max, ValidationErrors errors, bool multiline = false)
    {
        if (value is null)
        {
            return;
        }

        if (value.Trim().Length > max)
        {
            errors.Add(field, $"Use no máximo {max} caracteres.");
        }

        if (TextRules.HasControlCharacters(value, allowNewlines: multiline))
        {
            errors.Add(field, "O texto contém caracteres de controle inválidos.");
        }
    }

    public static void CheckUrl(string field, string? value, int max, ValidationErrors errors)
    {
        if (!string.IsNullOrWhiteSpace(value) && (value.Trim().Length > max || !TextRules.IsHttpUrl(value.Trim())))
        {
            errors.Add(field, $"Informe um endereço http:// ou https:// válido (até {max} caracteres).");
        }
    }

    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
