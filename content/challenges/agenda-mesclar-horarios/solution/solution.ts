function mesclarHorarios(horarios: number[][]): number[][] {
  const r: number[][] = [];
  for (const [inicio, fim] of [...horarios].sort((a, b) => a[0] - b[0] || a[1] - b[1])) {
    if (r.length && inicio <= r[r.length - 1][1]) r[r.length - 1][1] = Math.max(r[r.length - 1][1], fim);
    else r.push([inicio, fim]);
  }
  return r;
}
