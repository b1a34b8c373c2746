def regras_pendentes(senha: str) -> list[str]:
    r = []
    if not 8 <= len(senha) <= 64:
        r.append("tamanho")
    if not any("a" <= c <= "z" for c in senha):
        r.append("minuscula")
    if not any("A" <= c <= "Z" for c in senha):
        r.append("maiuscula")
    if not any("0" <= c <= "9" for c in senha):
        r.append("digito")
    if not any(not (c.isascii() and c.isalnum()) and not c.isspace() for c in senha):
        r.append("simbolo")
    if any(c.isspace() for c in senha):
        r.append("espaco")
    return r
