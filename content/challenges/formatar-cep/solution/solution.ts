function formatarCep(cep: string): string {
  const digitos = cep.replace(/[^0-9]/g, "");
  if (digitos.length !== 8) return "";
  return `${digitos.slice(0, 5)}-${digitos.slice(5)}`;
}
