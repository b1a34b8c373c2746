function contarStatus(linhas) {
  const r = {};
  for (const linha of linhas) {
    if (linha.trim() === "") continue;
    const m = /"[^"]*" (\d{3}) \d+/.exec(linha);
    const status = m ? Number(m[1]) : 0;
    const chave = status >= 100 && status <= 599 ? `${Math.floor(status / 100)}xx` : "invalidas";
    r[chave] = (r[chave] || 0) + 1;
  }
  return r;
}
