function menorCaminho(linhas, origem, destino) {
  const vizinhos = new Map();
  for (const estacoes of Object.values(linhas)) {
    estacoes.forEach((e, i) => {
      if (!vizinhos.has(e)) vizinhos.set(e, new Set());
      if (i > 0) {
        vizinhos.get(e).add(estacoes[i - 1]);
        vizinhos.get(estacoes[i - 1]).add(e);
      }
    });
  }
  if (!vizinhos.has(origem) || !vizinhos.has(destino)) return -1;
  const dist = new Map([[origem, 0]]);
  const fila = [origem];
  for (let k = 0; k < fila.length; k++) {
    const atual = fila[k];
    if (atual === destino) return dist.get(atual);
    for (const v of vizinhos.get(atual)) {
      if (!dist.has(v)) { dist.set(v, dist.get(atual) + 1); fila.push(v); }
    }
  }
  return -1;
}
