function formatarReais(centavos: number): string {
  let v = BigInt(centavos);
  const sinal = v < 0n ? "-" : "";
  if (v < 0n) v = -v;
  const reais = (v / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  const cent = (v % 100n).toString().padStart(2, "0");
  return `${sinal}R$ ${reais},${cent}`;
}
