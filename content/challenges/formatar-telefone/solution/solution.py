def formatar_telefone(texto: str) -> str:
    d = "".join(c for c in texto if "0" <= c <= "9")
    if len(d) not in (10, 11) or d[0] == "0":
        return ""
    ddd, numero = d[:2], d[2:]
    if len(d) == 11 and numero[0] == "9":
        return f"({ddd}) {numero[:5]}-{numero[5:]}"
    if len(d) == 10 and numero[0] in "2345":
        return f"({ddd}) {numero[:4]}-{numero[4:]}"
    return ""
