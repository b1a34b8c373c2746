function formatarTelefone(texto: string): string {
  const d = texto.replace(/[^0-9]/g, "");
  if ((d.length !== 10 && d.length !== 11) || d[0] === "0") return "";
  const ddd = d.slice(0, 2), n = d.slice(2);
  if (d.length === 11 && n[0] === "9") return `(${ddd}) ${n.slice(0, 5)}-${n.slice(5)}`;
  if (d.length === 10 && "2345".includes(n[0])) return `(${ddd}) ${n.slice(0, 4)}-${n.slice(4)}`;
  return "";
}
