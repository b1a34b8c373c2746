function troco(centavos: number): Record<string, number> {
  const r: Record<string, number> = {};
  for (const v of [20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 25, 10, 5, 1]) {
    if (centavos >= v) {
      r[String(v)] = Math.floor(centavos / v);
      centavos %= v;
    }
  }
  return r;
}
