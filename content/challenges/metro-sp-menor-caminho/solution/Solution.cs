public static class Solution
{
    public static long MenorCaminho(Dictionary<string, List<string>> linhas, string origem, string destino)
    {
        var vizinhos = new Dictionary<string, HashSet<string>>();
        foreach (var estacoes in linhas.Values)
            for (var i = 0; i < estacoes.Count; i++)
            {
                if (!vizinhos.ContainsKey(estacoes[i])) vizinhos[estacoes[i]] = [];
                if (i == 0) continue;
                vizinhos[estacoes[i]].Add(estacoes[i - 1]);
                vizinhos[estacoes[i - 1]].Add(estacoes[i]);
            }
        if (!vizinhos.ContainsKey(origem) || !vizinhos.ContainsKey(destino)) return -1;
        var dist = new Dictionary<string, long> { [origem] = 0 };
        var fila = new Queue<string>([origem]);
        while (fila.Count > 0)
        {
            var atual = fila.Dequeue();
            if (atual == destino) return dist[atual];
            foreach (var v in vizinhos[atual])
                if (dist.TryAdd(v, dist[atual] + 1)) fila.Enqueue(v);
        }
        return -1;
    }
}
