function regrasPendentes(senha) {
  const cs = Array.from(senha);
  const r = [];
  if (cs.length < 8 || cs.length > 64) r.push("tamanho");
  if (!cs.some((c) => c >= "a" && c <= "z")) r.push("minuscula");
  if (!cs.some((c) => c >= "A" && c <= "Z")) r.push("maiuscula");
  if (!cs.some((c) => c >= "0" && c <= "9")) r.push("digito");
  if (!cs.some((c) => !/^[A-Za-z0-9]$/.test(c) && !/^\s$/.test(c))) r.push("simbolo");
  if (cs.some((c) => /^\s$/.test(c))) r.push("espaco");
  return r;
}
