import * as fs from "fs";

const linhas = fs.readFileSync(0, "utf8").split("\n");
let saldo = 0n;
let n = 0;
const saida: string[] = [];
for (const linha of linhas) {
  const partes = linha.trim().split(/\s+/);
  if (partes[0] === "") continue;
  n++;
  const valor = BigInt(partes[1]);
  if (partes[0] === "C") saldo += valor;
  else {
    saldo -= valor;
    if (saldo < 0n) saida.push(`ALERTA ${n}`);
  }
}
saida.push(`SALDO ${saldo}`);
console.log(saida.join("\n"));
