import re

PADRAO = re.compile(r"(?:(\d{1,6})d)?(?:(\d{1,6})h)?(?:(\d{1,6})m)?(?:(\d{1,6})s)?")


def duracao_em_segundos(texto: str) -> int:
    m = PADRAO.fullmatch(texto)
    if not texto or not m:
        return -1
    pesos = (86400, 3600, 60, 1)
    return sum(int(g) * p for g, p in zip(m.groups(), pesos) if g is not None)
