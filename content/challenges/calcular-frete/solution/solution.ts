interface Regiao { ufs: string[]; base: number; adicional: number; sudeste: boolean }

const REGIOES: Regiao[] = [
  { ufs: ["SP", "RJ", "MG", "ES"], base: 1590, adicional: 350, sudeste: true },
  { ufs: ["PR", "SC", "RS"], base: 1890, adicional: 450, sudeste: false },
  { ufs: ["DF", "GO", "MT", "MS"], base: 2190, adicional: 550, sudeste: false },
  { ufs: ["BA", "SE", "AL", "PE", "PB", "RN", "CE", "PI", "MA"], base: 2490, adicional: 650, sudeste: false },
  { ufs: ["AM", "PA", "AC", "RO", "RR", "AP", "TO"], base: 2990, adicional: 800, sudeste: false },
];

function calcularFrete(pesoGramas: number, uf: string, valorProdutosCentavos: number): number {
  const regiao = REGIOES.find((r) => r.ufs.includes(uf.toUpperCase()));
  if (!regiao || pesoGramas <= 0) return -1;
  if (regiao.sudeste && valorProdutosCentavos >= 29900) return 0;
  return regiao.base + (Math.ceil(pesoGramas / 1000) - 1) * regiao.adicional;
}
