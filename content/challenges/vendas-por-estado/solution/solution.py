import re

UFS = set("AC AL AP AM BA CE DF ES GO MA MT MS MG PA PB PR PE PI RJ RN RS RO RR SC SP SE TO".split())
VALOR = re.compile(r"([0-9]+)(?:,([0-9]{1,2}))?")


def total_por_uf(linhas: list[str]) -> dict[str, int]:
    r: dict[str, int] = {}
    for linha in linhas[1:]:
        if not linha.strip():
            continue
        campos = [c.strip() for c in linha.split(";")]
        m = VALOR.fullmatch(campos[1]) if len(campos) == 2 else None
        uf = campos[0].upper()
        if m is None or uf not in UFS:
            r["invalidas"] = r.get("invalidas", 0) + 1
            continue
        centavos = int(m.group(1)) * 100 + int((m.group(2) or "0").ljust(2, "0"))
        r[uf] = r.get(uf, 0) + centavos
    return r
