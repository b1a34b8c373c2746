function reaisParaCentavos(valor: string): number {
  const m = /^(?:R\$ ?)?(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/.exec(valor.trim());
  if (!m) return -1;
  const reais = m[1].replace(/\./g, "");
  const centavos = (m[2] || "0").padEnd(2, "0");
  const total = Number(reais) * 100 + Number(centavos);
  return total > 0 ? total : -1;
}
