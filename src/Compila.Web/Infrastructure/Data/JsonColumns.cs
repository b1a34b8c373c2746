using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compila.Web.Infrastructure.Data;

/// <summary>
/// Marks string properties that hold JSON documents. PostgreSQL stores them as <c>jsonb</c>; SQLite as text.
/// </summary>
public static class JsonColumns
{
    const string Annotation = "Compila:Json";

    public static PropertyBuilder<T> IsJson<T>(this PropertyBuilder<T> property) => property.HasAnnotation(Annotation, true);

    internal static void UseJsonb(ModelBuilder modelBuilder)
    {
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            if (property.FindAnnotation(Annotation)?.Value is true)
            {
                property.SetColumnType("jsonb");
            }
        }
    }
}
