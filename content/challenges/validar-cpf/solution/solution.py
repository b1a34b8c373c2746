def validar_cpf(cpf: str) -> bool:
    if any(c not in "0123456789.-" for c in cpf):
        return False
    d = [int(c) for c in cpf if c.isdigit()]
    if len(d) != 11 or len(set(d)) == 1:
        return False
    for n in (9, 10):
        soma = sum(d[i] * (n + 1 - i) for i in range(n))
        resto = soma % 11
        if d[n] != (0 if resto < 2 else 11 - resto):
            return False
    return True
