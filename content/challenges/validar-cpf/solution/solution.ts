function validarCpf(cpf: string): boolean {
  if (/[^0-9.\-]/.test(cpf)) return false;
  const d = cpf.replace(/\D/g, "").split("").map(Number);
  if (d.length !== 11 || d.every((x) => x === d[0])) return false;
  for (const n of [9, 10]) {
    let soma = 0;
    for (let i = 0; i < n; i++) soma += d[i] * (n + 1 - i);
    const resto = soma % 11;
    if (d[n] !== (resto < 2 ? 0 : 11 - resto)) return false;
  }
  return true;
}
