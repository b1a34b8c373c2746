using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Compila.Web.Infrastructure.Data;

/// <summary>Stores enums as the spec's snake_case labels ('pro_plus'), portable across SQLite and PostgreSQL.</summary>
public static partial class EnumLabels
{
    public static string ToLabel<TEnum>(TEnum value) where TEnum : struct, Enum =>
        Label(value.ToString());

    public static TEnum Parse<TEnum>(string label) where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().First(v => ToLabel(v) == label);

    public static bool TryParse<TEnum>(string? label, out TEnum value) where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (ToLabel(candidate) == label)
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    public static IReadOnlyList<string> Labels<TEnum>() where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(ToLabel).ToList();

    public static ValueConverter<TEnum, string> Converter<TEnum>() where TEnum : struct, Enum =>
        new(v => ToLabel(v), s => Parse<TEnum>(s));

    public static string CheckSql<TEnum>(string column) where TEnum : struct, Enum =>
        $"{column} IN ({string.Join(", ", Labels<TEnum>().Select(l => $"'{l}'"))})";

    static string Label(string name) => UpperCase().Replace(name, m => (m.Index == 0 ? "" : "_") + m.Value.ToLowerInvariant());

    [GeneratedRegex("[A-Z]")]
    private static partial Regex UpperCase();
}
