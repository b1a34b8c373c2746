from collections import deque


def menor_caminho(linhas: dict[str, list[str]], origem: str, destino: str) -> int:
    vizinhos: dict[str, set[str]] = {}
    for estacoes in linhas.values():
        for i, e in enumerate(estacoes):
            vizinhos.setdefault(e, set())
            if i > 0:
                vizinhos[e].add(estacoes[i - 1])
                vizinhos[estacoes[i - 1]].add(e)
    if origem not in vizinhos or destino not in vizinhos:
        return -1
    dist = {origem: 0}
    fila = deque([origem])
    while fila:
        atual = fila.popleft()
        if atual == destino:
            return dist[atual]
        for v in vizinhos[atual]:
            if v not in dist:
                dist[v] = dist[atual] + 1
                fila.append(v)
    return -1
