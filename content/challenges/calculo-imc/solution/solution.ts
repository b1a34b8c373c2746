function calcularImc(pesoKg: number, alturaM: number): number | null {
  if (pesoKg <= 0 || alturaM <= 0) return null;
  return pesoKg / (alturaM * alturaM);
}
