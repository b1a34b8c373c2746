const UFS = new Set<string>("AC AL AP AM BA CE DF ES GO MA MT MS MG PA PB PR PE PI RJ RN RS RO RR SC SP SE TO".split(" "));

function totalPorUf(linhas: string[]): Record<string, number> {
  const r: Record<string, number> = {};
  for (const linha of linhas.slice(1)) {
    if (linha.trim() === "") continue;
    const campos = linha.split(";").map((c) => c.trim());
    const m = campos.length === 2 ? /^([0-9]+)(?:,([0-9]{1,2}))?$/.exec(campos[1]) : null;
    const uf = campos[0].toUpperCase();
    if (!m || !UFS.has(uf)) {
      r["invalidas"] = (r["invalidas"] ?? 0) + 1;
      continue;
    }
    r[uf] = (r[uf] ?? 0) + Number(m[1]) * 100 + Number((m[2] ?? "0").padEnd(2, "0"));
  }
  return r;
}
