def _mod10(s: str) -> int:
    total, peso = 0, 2
    for c in reversed(s):
        p = int(c) * peso
        total += p // 10 + p % 10
        peso = 3 - peso
    return (10 - total % 10) % 10


def _mod11(s: str) -> int:
    total, peso = 0, 2
    for c in reversed(s):
        total += int(c) * peso
        peso = 2 if peso == 9 else peso + 1
    dv = 11 - total % 11
    return 1 if dv in (0, 10, 11) else dv


def valor_do_boleto(linha: str) -> int:
    if any(c not in "0123456789. " for c in linha):
        return -1
    d = linha.replace(".", "").replace(" ", "")
    if len(d) != 47:
        return -1
    campos = [(d[0:9], d[9]), (d[10:20], d[20]), (d[21:31], d[31])]
    if any(_mod10(c) != int(dv) for c, dv in campos):
        return -1
    barras_sem_dv = d[0:4] + d[33:47] + d[4:9] + d[10:20] + d[21:31]
    if _mod11(barras_sem_dv) != int(d[32]):
        return -1
    return int(d[37:47])
