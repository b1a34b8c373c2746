function mediana(precos: number[]): number | null {
  if (precos.length === 0) return null;
  const v = [...precos].sort((a, b) => a - b);
  const meio = Math.floor(v.length / 2);
  return v.length % 2 ? v[meio] : (v[meio - 1] + v[meio]) / 2;
}
