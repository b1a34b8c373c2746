public static class Solution
{
    public static long MenorCusto(long n, List<List<long>> trechos, long origem, long destino)
    {
        if (origem < 0 || origem >= n || destino < 0 || destino >= n) return -1;
        var adj = Enumerable.Range(0, (int)n).Select(_ => new List<(int Cd, long Custo)>()).ToArray();
        foreach (var t in trechos)
        {
            adj[t[0]].Add(((int)t[1], t[2]));
            adj[t[1]].Add(((int)t[0], t[2]));
        }
        var visto = new bool[n];
        var fila = new PriorityQueue<int, long>();
        fila.Enqueue((int)origem, 0);
        while (fila.TryDequeue(out var u, out var custo))
        {
            if (visto[u]) continue;
            visto[u] = true;
            if (u == destino) return custo;
            foreach (var (v, c) in adj[u])
                if (!visto[v]) fila.Enqueue(v, custo + c);
        }
        return -1;
    }
}
