using Compila.Web.Infrastructure.Paging;

namespace Compila.Web.Infrastructure.Errors;

/// <summary>Collects per-field messages (pt-BR) for a 400 validation problem.</summary>
public sealed class ValidationErrors
{
    readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool IsValid => errors.Count == 0;

    public ValidationErrors Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }

        list.Add(message);
        return this;
    }

    /// <summary>The rules every paged list shares: pages start at 1, 1 to <paramref name="maxSize"/> items a page.</summary>
    public ValidationErrors CheckPaging(int page, int size, int maxSize = Pages.MaxSize)
    {
        if (page < 1)
        {
            Add("page", "A página começa em 1.");
        }

        if (size < 1 || size > maxSize)
        {
            Add("size", $"O tamanho da página vai de 1 a {maxSize}.");
        }

        return this;
    }

    public bool Has(string field) => errors.ContainsKey(field);

    public IDictionary<string, string[]> ToDictionary() => errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    public Microsoft.AspNetCore.Http.HttpResults.ValidationProblem ToProblem() =>
        TypedResults.ValidationProblem(ToDictionary(), title: "Dados inválidos.", detail: "Corrija os campos indicados e tente de novo.");
}
