using Compila.Web.Infrastructure.Errors;

namespace Compila.Web.Features.Jobs.Companies;

public sealed record CompanyRequest(string? Name, string? LogoUrl, string? WebsiteUrl, string? About, string? Location);

/// <summary>The rules a company profile follows, with pt-BR messages.</summary>
public static class CompanyRules
{
    public const int NameMax = 120;
    public const int UrlMax = 500;
    public const int AboutMax = 5_000;
    public const int LocationMax = 200;

    public static void Validate(CompanyRequest request, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            errors.Add("name", "Informe o nome da empresa.");
        }
        else
        {
            JobText.Check("name", request.Name, NameMax, errors);
        }

        JobText.CheckUrl("logoUrl", request.LogoUrl, UrlMax, errors);
        JobText.CheckUrl("websiteUrl", request.WebsiteUrl, UrlMax, errors);
        JobText.Check("about", request.About, AboutMax, errors, multiline: true);
        JobText.Check("location", request.Location, LocationMax, errors);
    }
}
