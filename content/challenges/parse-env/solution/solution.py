import re

CHAVE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def ler_env(conteudo: str) -> dict[str, str]:
    r = {}
    for linha in conteudo.split("\n"):
        linha = linha.strip()
        if not linha or linha.startswith("#"):
            continue
        if linha.startswith("export "):
            linha = linha[len("export "):]
        if "=" not in linha:
            continue
        chave, valor = linha.split("=", 1)
        chave, valor = chave.strip(), valor.strip()
        if not CHAVE.fullmatch(chave):
            continue
        if len(valor) >= 2 and valor[0] == valor[-1] and valor[0] in "\"'":
            valor = valor[1:-1]
        else:
            i = valor.find(" #")
            if i >= 0:
                valor = valor[:i].strip()
        r[chave] = valor
    return r
