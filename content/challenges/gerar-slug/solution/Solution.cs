using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

public static class Solution
{
    public static string GerarSlug(string titulo)
    {
        var semAcento = new StringBuilder();
        foreach (var c in titulo.Normalize(NormalizationForm.FormD))
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) semAcento.Append(c);
        var t = Regex.Replace(semAcento.ToString().ToLowerInvariant(), "[^a-z0-9]+", "-");
        return t.Trim('-');
    }
}
