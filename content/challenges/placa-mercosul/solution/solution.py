import re


def classificar_placa(placa: str) -> str:
    p = placa.replace("-", "").replace(" ", "").upper()
    if re.fullmatch(r"[A-Z]{3}[0-9]{4}", p):
        return "antiga"
    if re.fullmatch(r"[A-Z]{3}[0-9][A-Z][0-9]{2}", p):
        return "mercosul"
    return "invalida"
