function menorCusto(n, trechos, origem, destino) {
  if (origem < 0 || origem >= n || destino < 0 || destino >= n) return -1;
  const adj = Array.from({ length: n }, () => []);
  for (const [a, b, c] of trechos) { adj[a].push([b, c]); adj[b].push([a, c]); }
  const dist = new Array(n).fill(Infinity);
  const heap = [[0, origem]];
  const push = (x) => {
    heap.push(x);
    for (let i = heap.length - 1; i > 0;) {
      const p = (i - 1) >> 1;
      if (heap[p][0] <= heap[i][0]) break;
      [heap[p], heap[i]] = [heap[i], heap[p]];
      i = p;
    }
  };
  const pop = () => {
    const topo = heap[0];
    const ultimo = heap.pop();
    if (heap.length) {
      heap[0] = ultimo;
      for (let i = 0; ;) {
        const l = 2 * i + 1, r = l + 1;
        let m = i;
        if (l < heap.length && heap[l][0] < heap[m][0]) m = l;
        if (r < heap.length && heap[r][0] < heap[m][0]) m = r;
        if (m === i) break;
        [heap[m], heap[i]] = [heap[i], heap[m]];
        i = m;
      }
    }
    return topo;
  };
  while (heap.length) {
    const [d, u] = pop();
    if (d >= dist[u]) continue;
    dist[u] = d;
    if (u === destino) return d;
    for (const [v, c] of adj[u]) if (d + c < dist[v]) push([d + c, v]);
  }
  return -1;
}
