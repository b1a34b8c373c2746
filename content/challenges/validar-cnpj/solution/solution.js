function validarCnpj(cnpj) {
  if (/[^0-9./\-]/.test(cnpj)) return false;
  const d = cnpj.replace(/\D/g, "").split("").map(Number);
  if (d.length !== 14 || d.every((x) => x === d[0])) return false;
  const p1 = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
  for (const [pesos, pos] of [[p1, 12], [[6, ...p1], 13]]) {
    const resto = pesos.reduce((s, p, i) => s + p * d[i], 0) % 11;
    if (d[pos] !== (resto < 2 ? 0 : 11 - resto)) return false;
  }
  return true;
}
