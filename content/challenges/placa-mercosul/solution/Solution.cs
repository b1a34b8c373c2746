using System.Text.RegularExpressions;

public static class Solution
{
    public static string ClassificarPlaca(string placa)
    {
        var p = placa.Replace("-", "").Replace(" ", "").ToUpperInvariant();
        if (Regex.IsMatch(p, "^[A-Z]{3}[0-9]{4}$")) return "antiga";
        if (Regex.IsMatch(p, "^[A-Z]{3}[0-9][A-Z][0-9]{2}$")) return "mercosul";
        return "invalida";
    }
}
