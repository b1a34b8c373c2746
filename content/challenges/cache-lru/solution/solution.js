function simularCache(capacidade, operacoes) {
  const cache = new Map();
  const r = [];
  for (const op of operacoes) {
    const [tipo, chave, valor] = op.split(":");
    if (tipo === "get") {
      if (cache.has(chave)) {
        const v = cache.get(chave);
        cache.delete(chave);
        cache.set(chave, v);
        r.push(v);
      } else r.push(-1);
    } else if (capacidade >= 1) {
      cache.delete(chave);
      const n = Number(valor);
      cache.set(chave, Number.isSafeInteger(n) ? n : BigInt(valor));
      if (cache.size > capacidade) cache.delete(cache.keys().next().value);
    }
  }
  return r;
}
