function indicesAnomalos(valores: number[], limite: number): number[] {
  const n = valores.length;
  if (n < 2) return [];
  const media = valores.reduce((s, x) => s + x, 0) / n;
  const desvio = Math.sqrt(valores.reduce((s, x) => s + (x - media) ** 2, 0) / n);
  if (desvio === 0) return [];
  const r: number[] = [];
  valores.forEach((x, i) => { if (Math.abs(x - media) / desvio > limite) r.push(i); });
  return r;
}
