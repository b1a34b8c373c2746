P1 = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]
P2 = [6] + P1


def validar_cnpj(cnpj: str) -> bool:
    if any(c not in "0123456789./-" for c in cnpj):
        return False
    d = [int(c) for c in cnpj if c.isdigit()]
    if len(d) != 14 or len(set(d)) == 1:
        return False
    for pesos, pos in ((P1, 12), (P2, 13)):
        resto = sum(x * p for x, p in zip(d, pesos)) % 11
        if d[pos] != (0 if resto < 2 else 11 - resto):
            return False
    return True
