using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Compila.ChallengeSuites.Specs;

/// <summary>
/// The fixed set of named custom comparators content may use (<c>comparator: custom</c>, <c>custom: name</c>).
/// Custom code never comes from content: a new comparator is a reviewed change here.
/// </summary>
public static class CustomComparators
{
    static readonly Dictionary<string, (string Description, Func<JsonNode?, JsonNode?, bool> Compare)> All = new()
    {
        ["ignore_case"] = ("strings iguais sem diferenciar maiúsculas de minúsculas",
            (e, a) => JsonValues.DeepEquals(e, a, normalizeString: s => s.ToUpperInvariant())),
        ["ignore_whitespace"] = ("strings iguais ignorando espaços, tabulações e quebras de linha",
            (e, a) => JsonValues.DeepEquals(e, a, normalizeString: s => string.Concat(s.Where(c => !char.IsWhiteSpace(c))))),
        ["ignore_accents"] = ("strings iguais ignorando acentos e maiúsculas",
            (e, a) => JsonValues.DeepEquals(e, a, normalizeString: RemoveAccents)),
        ["unordered_deep"] = ("listas iguais sem considerar a ordem, em todos os níveis",
            (e, a) => JsonValues.DeepEquals(e, a, unorderedLists: true)),
    };

    /// <summary>The names content may use.</summary>
    public static IReadOnlyCollection<string> Names => All.Keys;

    public static bool Exists(string name) => All.ContainsKey(name);

    public static string Describe(string name) => All[name].Description;

    internal static bool AreEqual(string name, JsonNode? expected, JsonNode? actual) => All[name].Compare(expected, actual);

    static string RemoveAccents(string s)
    {
        var sb = new StringBuilder();
        foreach (var c in s.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(c);
            }
        }
        return sb.ToString().Normalize(NormalizationForm.FormC).ToUpperInvariant();
    }
}

/// <summary>Applies a case's <see cref="Comparator"/>.</summary>
public static class ValueComparer
{
    public static bool AreEqual(Comparator comparator, JsonNode? expected, JsonNode? actual) => comparator.Kind switch
    {
        ComparatorKind.Exact => JsonValues.DeepEquals(expected, actual),
        ComparatorKind.Float => JsonValues.DeepEquals(expected, actual, tolerance: comparator.Tolerance),
        ComparatorKind.Unordered => UnorderedTopLevel(expected, actual),
        ComparatorKind.Custom => CustomComparators.AreEqual(comparator.CustomName!, expected, actual),
        _ => false,
    };

    static bool UnorderedTopLevel(JsonNode? expected, JsonNode? actual)
    {
        if (expected is not JsonArray e || actual is not JsonArray a || e.Count != a.Count)
        {
            return JsonValues.DeepEquals(expected, actual);
        }
        var remaining = a.ToList();
        foreach (var item in e)
        {
            var match = remaining.FindIndex(r => JsonValues.DeepEquals(item, r));
            if (match < 0)
            {
                return false;
            }
            remaining.RemoveAt(match);
        }
        return true;
    }
}
