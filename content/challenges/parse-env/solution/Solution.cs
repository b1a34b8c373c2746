using System.Text.RegularExpressions;

public static class Solution
{
    public static Dictionary<string, string> LerEnv(string conteudo)
    {
        var r = new Dictionary<string, string>();
        foreach (var bruta in conteudo.Split('\n'))
        {
            var linha = bruta.Trim();
            if (linha.Length == 0 || linha.StartsWith('#')) continue;
            if (linha.StartsWith("export ")) linha = linha[7..];
            var i = linha.IndexOf('=');
            if (i < 0) continue;
            var chave = linha[..i].Trim();
            var valor = linha[(i + 1)..].Trim();
            if (!Regex.IsMatch(chave, "^[A-Za-z_][A-Za-z0-9_]*$")) continue;
            if (valor.Length >= 2 && valor[0] == valor[^1] && (valor[0] == '"' || valor[0] == '\''))
                valor = valor[1..^1];
            else if (valor.IndexOf(" #") is var c && c >= 0)
                valor = valor[..c].Trim();
            r[chave] = valor;
        }
        return r;
    }
}
