function lerEnv(conteudo: string): Record<string, string> {
  const r: Record<string, string> = {};
  for (let linha of conteudo.split("\n")) {
    linha = linha.trim();
    if (!linha || linha.startsWith("#")) continue;
    if (linha.startsWith("export ")) linha = linha.slice(7);
    const i = linha.indexOf("=");
    if (i < 0) continue;
    const chave = linha.slice(0, i).trim();
    let valor = linha.slice(i + 1).trim();
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(chave)) continue;
    if (valor.length >= 2 && valor[0] === valor[valor.length - 1] && (valor[0] === '"' || valor[0] === "'")) {
      valor = valor.slice(1, -1);
    } else {
      const c = valor.indexOf(" #");
      if (c >= 0) valor = valor.slice(0, c).trim();
    }
    r[chave] = valor;
  }
  return r;
}
