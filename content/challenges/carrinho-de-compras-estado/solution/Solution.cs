using System.Text.RegularExpressions;

public static class Solution
{
    public static Dictionary<string, long> AplicarAcoes(List<string> acoes)
    {
        var carrinho = new Dictionary<string, long>();
        foreach (var acao in acoes)
        {
            if (acao == "clear") { carrinho.Clear(); continue; }
            var m = Regex.Match(acao, "^(add|remove):([A-Za-z0-9-]+):([1-9][0-9]?)$");
            if (!m.Success || m.Index != 0 || m.Length != acao.Length) continue;
            var sku = m.Groups[2].Value;
            var qtd = long.Parse(m.Groups[3].Value);
            if (m.Groups[1].Value == "add") carrinho[sku] = carrinho.GetValueOrDefault(sku) + qtd;
            else if (carrinho.TryGetValue(sku, out var atual))
            {
                if (atual - qtd <= 0) carrinho.Remove(sku); else carrinho[sku] = atual - qtd;
            }
        }
        return carrinho;
    }
}
