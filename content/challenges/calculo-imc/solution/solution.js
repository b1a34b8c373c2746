function calcularImc(pesoKg, alturaM) {
  if (pesoKg <= 0 || alturaM <= 0) return null;
  return pesoKg / (alturaM * alturaM);
}
