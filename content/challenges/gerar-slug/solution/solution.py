import re

DE = "áàâãäéèêëíìîïóòôõöúùûüçñ"
PARA = "aaaaaeeeeiiiiooooouuuucn"
TABELA = str.maketrans(DE + DE.upper(), PARA + PARA.upper())


def gerar_slug(titulo: str) -> str:
    t = titulo.translate(TABELA).lower()
    return re.sub(r"[^a-z0-9]+", "-", t).strip("-")
