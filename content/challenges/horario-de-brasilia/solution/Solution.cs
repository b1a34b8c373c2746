using System.Globalization;
using System.Text.RegularExpressions;

public static class Solution
{
    public static string ParaBrasilia(string instanteUtc)
    {
        if (!Regex.IsMatch(instanteUtc, @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")) return "";
        if (!DateTime.TryParseExact(instanteUtc, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t) || t.Year < 1970)
            return "";
        return t.AddHours(-3).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture);
    }
}
