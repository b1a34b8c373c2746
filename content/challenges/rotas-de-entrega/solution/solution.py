import heapq


def menor_custo(n: int, trechos: list[list[int]], origem: int, destino: int) -> int:
    if not (0 <= origem < n and 0 <= destino < n):
        return -1
    adj: list[list[tuple[int, int]]] = [[] for _ in range(n)]
    for a, b, c in trechos:
        adj[a].append((b, c))
        adj[b].append((a, c))
    dist = [None] * n
    fila = [(0, origem)]
    while fila:
        d, u = heapq.heappop(fila)
        if dist[u] is not None:
            continue
        dist[u] = d
        if u == destino:
            return d
        for v, c in adj[u]:
            if dist[v] is None:
                heapq.heappush(fila, (d + c, v))
    return -1
