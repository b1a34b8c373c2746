function mediaMovel(leituras: number[], janela: number): number[] {
  if (janela < 1 || janela > leituras.length) return [];
  let soma = 0;
  for (let i = 0; i < janela; i++) soma += leituras[i];
  const r = [soma / janela];
  for (let i = janela; i < leituras.length; i++) {
    soma += leituras[i] - leituras[i - janela];
    r.push(soma / janela);
  }
  return r;
}
