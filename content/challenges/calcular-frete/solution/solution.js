const REGIOES = [
  ["SP RJ MG ES", 1590, 350, true],
  ["PR SC RS", 1890, 450, false],
  ["DF GO MT MS", 2190, 550, false],
  ["BA SE AL PE PB RN CE PI MA", 2490, 650, false],
  ["AM PA AC RO RR AP TO", 2990, 800, false],
];

function calcularFrete(pesoGramas, uf, valorProdutosCentavos) {
  if (pesoGramas <= 0) return -1;
  for (const [ufs, base, adicional, sudeste] of REGIOES) {
    if (ufs.split(" ").includes(uf.toUpperCase())) {
      if (sudeste && valorProdutosCentavos >= 29900) return 0;
      const quilos = Math.ceil(pesoGramas / 1000);
      return base + (quilos - 1) * adicional;
    }
  }
  return -1;
}
