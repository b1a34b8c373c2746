public static class Solution
{
    public static List<long> SimularCache(long capacidade, List<string> operacoes)
    {
        var ordem = new LinkedList<(string Chave, long Valor)>();
        var itens = new Dictionary<string, LinkedListNode<(string Chave, long Valor)>>();
        var r = new List<long>();
        foreach (var op in operacoes)
        {
            var p = op.Split(':');
            if (p[0] == "get")
            {
                if (itens.TryGetValue(p[1], out var no))
                {
                    ordem.Remove(no);
                    ordem.AddFirst(no);
                    r.Add(no.Value.Valor);
                }
                else r.Add(-1);
                continue;
            }
            if (capacidade < 1) continue;
            if (itens.TryGetValue(p[1], out var existente)) ordem.Remove(existente);
            itens[p[1]] = ordem.AddFirst((p[1], long.Parse(p[2])));
            if (ordem.Count > capacidade)
            {
                itens.Remove(ordem.Last!.Value.Chave);
                ordem.RemoveLast();
            }
        }
        return r;
    }
}
