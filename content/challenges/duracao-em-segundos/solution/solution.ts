function duracaoEmSegundos(texto: string): number {
  const m = /^(?:(\d{1,6})d)?(?:(\d{1,6})h)?(?:(\d{1,6})m)?(?:(\d{1,6})s)?$/.exec(texto);
  if (!texto || !m) return -1;
  const pesos = [86400, 3600, 60, 1];
  return pesos.reduce((total, p, i) => total + (m[i + 1] ? Number(m[i + 1]) * p : 0), 0);
}
