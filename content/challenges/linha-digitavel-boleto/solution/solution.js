function mod10(s) {
  let total = 0, peso = 2;
  for (let i = s.length - 1; i >= 0; i--) {
    const p = Number(s[i]) * peso;
    total += Math.floor(p / 10) + (p % 10);
    peso = 3 - peso;
  }
  return (10 - (total % 10)) % 10;
}

function mod11(s) {
  let total = 0, peso = 2;
  for (let i = s.length - 1; i >= 0; i--) {
    total += Number(s[i]) * peso;
    peso = peso === 9 ? 2 : peso + 1;
  }
  const dv = 11 - (total % 11);
  return dv === 0 || dv === 10 || dv === 11 ? 1 : dv;
}

function valorDoBoleto(linha) {
  if (/[^0-9. ]/.test(linha)) return -1;
  const d = linha.replace(/[. ]/g, "");
  if (d.length !== 47) return -1;
  const campos = [[d.slice(0, 9), d[9]], [d.slice(10, 20), d[20]], [d.slice(21, 31), d[31]]];
  if (campos.some(([c, dv]) => mod10(c) !== Number(dv))) return -1;
  const semDv = d.slice(0, 4) + d.slice(33, 47) + d.slice(4, 9) + d.slice(10, 20) + d.slice(21, 31);
  if (mod11(semDv) !== Number(d[32])) return -1;
  return Number(d.slice(37, 47));
}
