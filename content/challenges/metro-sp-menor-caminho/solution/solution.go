package main

func menorCaminho(linhas map[string][]string, origem string, destino string) int64 {
	vizinhos := map[string]map[string]bool{}
	for _, estacoes := range linhas {
		for i, e := range estacoes {
			if vizinhos[e] == nil {
				vizinhos[e] = map[string]bool{}
			}
			if i > 0 {
				vizinhos[e][estacoes[i-1]] = true
				vizinhos[estacoes[i-1]][e] = true
			}
		}
	}
	if vizinhos[origem] == nil || vizinhos[destino] == nil {
		return -1
	}
	dist := map[string]int64{origem: 0}
	fila := []string{origem}
	for len(fila) > 0 {
		atual := fila[0]
		fila = fila[1:]
		if atual == destino {
			return dist[atual]
		}
		for v := range vizinhos[atual] {
			if _, visto := dist[v]; !visto {
				dist[v] = dist[atual] + 1
				fila = append(fila, v)
			}
		}
	}
	return -1
}
