using Compila.Web.Infrastructure.Errors;

namespace Compila.Web.Features.Users;

public static class ProfileRules
{
    public const int FullNameMax = 100;
    public const int BioMax = 1000;
    public const int LocationMax = 100;
    public const int UrlMax = 500;

    public static void ValidateText(string field, string? value, int max, ValidationErrors errors, bool multiline = false)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length > max)
        {
            errors.Add(field, $"Use no máximo {max} caracteres.");
        }
        else if (TextRules.HasControlCharacters(value, allowNewlines: multiline))
        {
            errors.Add(field, "O texto contém caracteres inválidos.");
        }
    }

    public static void ValidateUrl(string field, string? value, ValidationErrors errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (value.Length > UrlMax)
        {
            errors.Add(field, $"Use no máximo {UrlMax} caracteres.");
        }
        else if (TextRules.HasControlCharacters(value) || !TextRules.IsHttpUrl(value))
        {
            errors.Add(field, "Informe um endereço que comece com http:// ou https://.");
        }
    }
}
