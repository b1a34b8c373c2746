using System.Globalization;
using System.Text;
using Compila.Web.Features.Challenges.Contracts;
using Compila.Web.Infrastructure.Data;
using Compila.Web.Infrastructure.Errors;

namespace Compila.Web.Features.Portfolio.Projects;

/// <summary>The rules a project's fields follow, with pt-BR messages.</summary>
public static class ProjectRules
{
    public const int TitleMax = 200;
    public const int SlugMax = 100;
    public const int ShortDescriptionMax = 500;
    public const int LongDescriptionMax = 20_000;
    public const int UrlMax = 500;
    public const int TechnologiesMax = 20;
    public const int TechnologyMax = 40;
    public const int ImagesMax = 10;
    public const int ProjectsMax = 100;

    public static void Validate(ProjectRequest request, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(request.Title))
        {
            errors.Add("title", "Informe o título do projeto.");
        }
        else
        {
            Text("title", request.Title, TitleMax, errors);
        }

        if (request.Slug is not null && !IsSlug(request.Slug))
        {
            errors.Add("slug", $"Use só letras minúsculas sem acento, números e hífens (até {SlugMax} caracteres).");
        }

        if (request.ShortDescription is not null)
        {
            Text("shortDescription", request.ShortDescription, ShortDescriptionMax, errors);
        }

        if (request.LongDescription is not null)
        {
            Text("longDescription", request.LongDescription, LongDescriptionMax, errors, multiline: true);
        }

        if (request.Stack is null)
        {
            errors.Add("stack", $"Informe a stack: {string.Join(", ", EnumLabels.Labels<ChallengeStack>())}.");
        }
        else if (!EnumLabels.TryParse<ChallengeStack>(request.Stack, out _))
        {
            errors.Add("stack", $"Stack desconhecida. Use uma destas: {string.Join(", ", EnumLabels.Labels<ChallengeStack>())}.");
        }

        if (request.Technologies is { } technologies)
        {
            if (technologies.Count > TechnologiesMax)
            {
                errors.Add("technologies", $"Informe no máximo {TechnologiesMax} tecnologias.");
            }
            else if (technologies.Any(t => string.IsNullOrWhiteSpace(t) || t.Trim().Length > TechnologyMax || TextRules.HasControlCharacters(t)))
            {
                errors.Add("technologies", $"Cada tecnologia tem de 1 a {TechnologyMax} caracteres.");
            }
        }

        Url("demoUrl", request.DemoUrl, errors);
        Url("repoUrl", request.RepoUrl, errors);
    }

    public static List<string> Technologies(IEnumerable<string>? technologies) =>
        (technologies ?? []).Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    public static bool IsSlug(string slug) =>
        slug.Length is > 0 and <= SlugMax
        && slug.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-')
        && slug[0] != '-' && slug[^1] != '-' && !slug.Contains("--", StringComparison.Ordinal);

    /// <summary>A slug from a title: accents folded ("Ação" → "acao"), anything else between words becomes one hyphen.</summary>
    public static string SlugFrom(string title)
    {
        var builder = new StringBuilder(title.Length);
        foreach (var c in title.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            if (lower is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(lower);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }

            if (builder.Length >= SlugMax)
            {
                break;
            }
        }

        var slug = builder.ToString().Trim('-');
        return slug.Length == 0 ? "projeto" : slug;
    }

    static void Text(string field, string value, int max, ValidationErrors errors, bool multiline = false)
    {
        if (value.Trim().Length > max)
        {
            errors.Add(field, $"Use no máximo {max} caracteres.");
        }

        if (TextRules.HasControlCharacters(value, allowNewlines: multiline))
        {
            errors.Add(field, "O texto contém caracteres de controle inválidos.");
        }
    }

    static void Url(string field, string? value, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        if (value.Trim().Length > UrlMax || !TextRules.IsHttpUrl(value.Trim()))
        {
            errors.Add(field, $"Informe um endereço http:// ou https:// válido (até {UrlMax} caracteres).");
        }
    }
}
