public static class Solution
{
    public static string FormatarCep(string cep)
    {
        var d = new string(cep.Where(c => c >= '0' && c <= '9').ToArray());
        return d.Length == 8 ? $"{d[..5]}-{d[5..]}" : "";
    }
}
