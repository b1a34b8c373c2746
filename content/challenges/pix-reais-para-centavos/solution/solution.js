function reaisParaCentavos(valor) {
  const m = /^(?:R\$ ?)?(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/.exec(valor.trim());
  if (!m) return -1;
  const reais = BigInt(m[1].replace(/\./g, ""));
  const centavos = BigInt((m[2] || "0").padEnd(2, "0"));
  const total = reais * 100n + centavos;
  if (total <= 0n) return -1;
  return total <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(total) : total;
}
