import re

PADRAO = re.compile(r'"[^"]*" (\d{3}) \d+')


def contar_status(linhas: list[str]) -> dict[str, int]:
    r: dict[str, int] = {}
    for linha in linhas:
        if not linha.strip():
            continue
        m = PADRAO.search(linha)
        status = int(m.group(1)) if m else 0
        chave = f"{status // 100}xx" if 100 <= status <= 599 else "invalidas"
        r[chave] = r.get(chave, 0) + 1
    return r
