using Compila.Web.Features.Challenges.Contracts;
using Compila.Web.Infrastructure.Data;
using Compila.Web.Features.Jobs.Matching;
using Compila.Web.Infrastructure.Errors;

namespace Compila.Web.Features.Jobs.Postings;

public sealed record JobRequest(
    string? Title,
    string? Description,
    List<string>? Requirements,
    string? Stack,
    string? Level,
    List<string>? Technologies,
    string? Type,
    string? WorkModel,
    string? Location,
    int? SalaryMin,
    int? SalaryMax,
    bool? SalaryVisible,
    string? Status,
    DateTimeOffset? ExpiresAt);

/// <summary>A request that passed <see cref="JobRules.Validate"/>, with its labels parsed.</summary>
public sealed record ValidJob(ChallengeStack Stack, ChallengeLevel Level, JobType Type, WorkModel WorkModel, JobStatus Status);

/// <summary>The rules a job posting follows, with pt-BR messages.</summary>
public static class JobRules
{
    public const int TitleMax = 200;
    public const int DescriptionMax = 20_000;
    public const int RequirementsMax = 30;
    public const int RequirementMax = 300;
    public const int TechnologiesMax = 20;
    public const int TechnologyMax = 40;
    public const int LocationMax = 200;
    public const int SalaryCeiling = 10_000_000;
    public const int OpenJobsMax = 200;
    public static readonly TimeSpan LongestOpening = TimeSpan.FromDays(365);

    public static ValidJob? Validate(JobRequest request, DateTimeOffset now, ValidationErrors errors)
    {
        Required("title", request.Title, TitleMax, "Informe o título da vaga.", errors);
        Required("description", request.Description, DescriptionMax, "Descreva a vaga.", errors, multiline: true);
        List("requirements", request.Requirements, RequirementsMax, RequirementMax, "requisitos", errors);
        List("technologies", request.Technologies, TechnologiesMax, TechnologyMax, "tecnologias", errors);
        if (request.Technologies is not { Count: > 0 } && !errors.Has("technologies"))
        {
            errors.Add("technologies", "Informe ao menos uma tecnologia: é com elas que a vaga encontra candidatos.");
        }

        JobText.Check("location", request.Location, LocationMax, errors);
        var stack = Label<ChallengeStack>("stack", request.Stack, "a stack", required: true, errors);
        var level = Label<ChallengeLevel>("level", request.Level, "o nível", required: true, errors);
        var type = Label<JobType>("type", request.Type, "o tipo de contrato", required: true, errors);
        var workModel = Label<WorkModel>("workModel", request.WorkModel, "o modelo de trabalho", required: true, errors);
        var status = request.Status is null ? JobStatus.Draft : Label<JobStatus>("status", request.Status, "o status", required: false, errors);
        Salary(request, errors);
        if (request.ExpiresAt is { } expires && (expires <= now || expires > now + LongestOpening))
        {
            errors.Add("expiresAt", "A data de expiração precisa estar no futuro, em até um ano.");
        }

        return errors.IsValid ? new ValidJob(stack, level, type, workModel, status) : null;
    }

    /// <summary>What a job's technologies are called in verified skills: trimmed, lower case, common aliases resolved.</summary>
    public static List<string> Technologies(IEnumerable<string>? technologies) =>
        (technologies ?? []).Select(TechnologyNames.Canonical).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    public static List<string> Requirements(IEnumerable<string>? requirements) =>
        (requirements ?? []).Select(r => r.Trim()).Where(r => r.Length > 0).ToList();

    static void Salary(JobRequest request, ValidationErrors errors)
    {
        if (request.SalaryMin is < 0 or > SalaryCeiling)
        {
            errors.Add("salaryMin", "Informe um salário entre R$ 0 e R$ 10.000.000.");
        }

        if (request.SalaryMax is < 0 or > SalaryCeiling)
        {
            errors.Add("salaryMax", "Informe um salário entre R$ 0 e R$ 10.000.000.");
        }

        if (request is { SalaryMin: { } min, SalaryMax: { } max } && min > max)
        {
            errors.Add("salaryMin", "O salário mínimo não pode ser maior que o máximo.");
        }
    }

    static void Required(string field, string? value, int max, string missing, ValidationErrors errors, bool multiline = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, missing);
            return;
        }

        JobText.Check(field, value, max, errors, multiline);
    }

    static void List(string field, List<string>? values, int maxCount, int maxLength, string noun, ValidationErrors errors)
    {
        if (values is null)
        {
            return;
        }

        if (values.Count > maxCount)
        {
            errors.Add(field, $"Informe no máximo {maxCount} {noun}.");
        }
        else if (values.Any(v => string.IsNullOrWhiteSpace(v) || v.Trim().Length > maxLength || TextRules.HasControlCharacters(v)))
        {
            errors.Add(field, $"Cada item tem de 1 a {maxLength} caracteres.");
        }
    }

    static TEnum Label<TEnum>(string field, string? label, string what, bool required, ValidationErrors errors) where TEnum : struct, Enum
    {
        if (label is null)
        {
            if (required)
            {
                errors.Add(field, $"Informe {what}: {string.Join(", ", EnumLabels.Labels<TEnum>())}.");
            }

            return default;
        }

        if (!EnumLabels.TryParse<TEnum>(label, out var value))
        {
            errors.Add(field, $"Valor desconhecido. Use um destes: {string.Join(", ", EnumLabels.Labels<TEnum>())}.");
        }

        return value;
    }
}
