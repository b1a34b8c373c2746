function parcelar(totalCentavos: number, parcelas: number): number[] {
  if (parcelas < 1 || parcelas > 24 || totalCentavos < 0) return [];
  const base = Math.floor(totalCentavos / parcelas);
  const sobra = totalCentavos % parcelas;
  return Array.from({ length: parcelas }, (_, i) => base + (i < sobra ? 1 : 0));
}
