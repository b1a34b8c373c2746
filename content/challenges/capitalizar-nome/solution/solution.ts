const PARTICULAS = new Set<string>(["da", "de", "di", "do", "das", "dos", "e"]);

function capitalizarNome(nome: string): string {
  return nome
    .split(" ")
    .filter((p) => p.length > 0)
    .map((p, i) => {
      const m = p.toLowerCase();
      return i > 0 && PARTICULAS.has(m) ? m : m.charAt(0).toUpperCase() + m.slice(1);
    })
    .join(" ");
}
