using System.Text.Json.Serialization;

namespace Compila.Web.Infrastructure.Paging;

/// <summary>
/// One page of a list: its items, the page number (from 1), the page size and how many items the whole list has.
/// The OpenAPI document names it after its items (<c>Page&lt;JobResource&gt;</c> is <c>JobResourcePage</c>).
/// </summary>
public sealed record Page<T>(IReadOnlyList<T> Items, [property: JsonPropertyName("page")] int Number, int Size, int Total);

/// <summary>The paging every list shares: pages start at 1, at most <see cref="MaxSize"/> items a page unless a list says otherwise.</summary>
public static class Pages
{
    public const int MaxSize = 100;

    /// <summary>The rows of page <paramref name="page"/> (from 1) of an ordered query, <paramref name="size"/> a page.</summary>
    public static IQueryable<T> TakePage<T>(this IQueryable<T> ordered, int page, int size) => ordered.Skip((page - 1) * size).Take(size);

    /// <inheritdoc cref="TakePage{T}(IQueryable{T}, int, int)"/>
    public static IEnumerable<T> TakePage<T>(this IEnumerable<T> ordered, int page, int size) => ordered.Skip((page - 1) * size).Take(size);
}
