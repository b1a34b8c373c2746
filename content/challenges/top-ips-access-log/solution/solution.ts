function topIps(linhas: string[], n: number): string[] {
  if (n <= 0) return [];
  const contagem = new Map<string, number>();
  for (const l of linhas) {
    if (l.trim() === "") continue;
    const ip = l.trim().split(/\s+/)[0];
    contagem.set(ip, (contagem.get(ip) ?? 0) + 1);
  }
  return [...contagem.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, n)
    .map((e) => e[0]);
}
