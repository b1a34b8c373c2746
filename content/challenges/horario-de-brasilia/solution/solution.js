function paraBrasilia(instanteUtc) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/.exec(instanteUtc);
  if (!m) return "";
  const [ano, mes, dia, h, min, s] = m.slice(1).map(Number);
  const t = new Date(Date.UTC(ano, mes - 1, dia, h, min, s));
  if (ano < 1970 || t.getUTCFullYear() !== ano || t.getUTCMonth() !== mes - 1 || t.getUTCDate() !== dia
    || t.getUTCHours() !== h || t.getUTCMinutes() !== min || t.getUTCSeconds() !== s) return "";
  const b = new Date(t.getTime() - 3 * 3600 * 1000);
  const p = (x, n = 2) => String(x).padStart(n, "0");
  return `${p(b.getUTCDate())}/${p(b.getUTCMonth() + 1)}/${p(b.getUTCFullYear(), 4)} ${p(b.getUTCHours())}:${p(b.getUTCMinutes())}:${p(b.getUTCSeconds())}`;
}
