type Carrinho = Record<string, number>;

function aplicarAcoes(acoes: string[]): Carrinho {
  const carrinho = new Map<string, number>();
  for (const acao of acoes) {
    if (acao === "clear") { carrinho.clear(); continue; }
    const m = /^(add|remove):([A-Za-z0-9-]+):([1-9][0-9]?)$/.exec(acao);
    if (!m) continue;
    const [, tipo, sku, texto] = m;
    const qtd = Number(texto);
    if (tipo === "add") carrinho.set(sku, (carrinho.get(sku) ?? 0) + qtd);
    else if (carrinho.has(sku)) {
      const resto = (carrinho.get(sku) ?? 0) - qtd;
      if (resto <= 0) carrinho.delete(sku); else carrinho.set(sku, resto);
    }
  }
  return Object.fromEntries(carrinho);
}
