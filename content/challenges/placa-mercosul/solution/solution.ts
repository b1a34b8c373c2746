function classificarPlaca(placa: string): string {
  const p = placa.replace(/[- ]/g, "").toUpperCase();
  if (/^[A-Z]{3}[0-9]{4}$/.test(p)) return "antiga";
  if (/^[A-Z]{3}[0-9][A-Z][0-9]{2}$/.test(p)) return "mercosul";
  return "invalida";
}
