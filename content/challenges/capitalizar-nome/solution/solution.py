PARTICULAS = {"da", "de", "di", "do", "das", "dos", "e"}


def capitalizar_nome(nome: str) -> str:
    palavras = []
    for i, p in enumerate(nome.split()):
        p = p.lower()
        palavras.append(p if i > 0 and p in PARTICULAS else p[:1].upper() + p[1:])
    return " ".join(palavras)
