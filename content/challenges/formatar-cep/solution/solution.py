def formatar_cep(cep: str) -> str:
    digitos = "".join(c for c in cep if "0" <= c <= "9")
    if len(digitos) != 8:
        return ""
    return digitos[:5] + "-" + digitos[5:]
