import re

PADRAO = re.compile(r"^(?:R\$ ?)?(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$")


def reais_para_centavos(valor: str) -> int:
    m = PADRAO.match(valor.strip())
    if not m:
        return -1
    reais = int(m.group(1).replace(".", ""))
    centavos = int((m.group(2) or "0").ljust(2, "0"))
    total = reais * 100 + centavos
    return total if total > 0 else -1
