using Compila.Web.Features.Challenges.Contracts;
using Compila.Web.Features.Jobs.Matching;
using Compila.Web.Infrastructure.Data;
using Compila.Web.Infrastructure.Errors;
using Compila.Web.Infrastructure.Text;

namespace Compila.Web.Features.Jobs.Postings;

/// <summary>The search's filters: each unknown label is a field error, never an empty result.</summary>
internal sealed class JobFilters(ValidationErrors errors)
{
    public IQueryable<JobWithCompany> Apply(IQueryable<JobWithCompany> query, string? stack, string? level, string? type,
        string? workModel, string? technology, string? location, int? salaryMin)
    {
        if (Parse<ChallengeStack>("stack", stack) is { } s)
        {
            query = query.Where(r => r.Job.Stack == s);
        }

        if (Parse<ChallengeLevel>("level", level) is { } l)
        {
            query = query.Where(r => r.Job.Level == l);
        }

        if (Parse<JobType>("type", type) is { } t)
        {
            query = query.Where(r => r.Job.Type == t);
        }

        if (Parse<WorkModel>("workModel", workModel) is { } w)
        {
            query = query.Where(r => r.Job.WorkModel == w);
        }

        if (!string.IsNullOrWhiteSpace(technology))
        {
            if (technology.Length > JobRules.TechnologyMax)
            {
                errors.Add("technology", $"Use no máximo {JobRules.TechnologyMax} caracteres.");
            }

            var name = TechnologyNames.Canonical(technology);
            query = query.Where(r => r.Job.Technologies.Contains(name));
        }

        if (!string.IsNullOrWhiteSpace(location))
        {
            if (location.Length > JobRules.LocationMax)
            {
                errors.Add("location", $"Use no máximo {JobRules.LocationMax} caracteres.");
            }

            var folded = SearchText.Fold(location);
            query = query.Where(r => r.Job.LocationSearch.Contains(folded));
        }

        if (salaryMin is { } floor)
        {
            if (floor is < 0 or > JobRules.SalaryCeiling)
            {
                errors.Add("salaryMin", "Informe um salário entre R$ 0 e R$ 10.000.000.");
            }

            query = query.Where(r => r.Job.SalaryVisible && (r.Job.SalaryMax ?? r.Job.SalaryMin) >= floor);
        }

        return query;
    }

    TEnum? Parse<TEnum>(string field, string? label) where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }

        if (EnumLabels.TryParse<TEnum>(label, out var value))
        {
            return value;
        }

        errors.Add(field, $"Valor desconhecido. Use um destes: {string.Join(", ", EnumLabels.Labels<TEnum>())}.");
        return null;
    }
}
