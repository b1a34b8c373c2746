REGIOES = [
    ("SP RJ MG ES", 1590, 350, True),
    ("PR SC RS", 1890, 450, False),
    ("DF GO MT MS", 2190, 550, False),
    ("BA SE AL PE PB RN CE PI MA", 2490, 650, False),
    ("AM PA AC RO RR AP TO", 2990, 800, False),
]


def calcular_frete(peso_gramas: int, uf: str, valor_produtos_centavos: int) -> int:
    if peso_gramas <= 0:
        return -1
    for ufs, base, adicional, sudeste in REGIOES:
        if uf.upper() in ufs.split():
            if sudeste and valor_produtos_centavos >= 29900:
                return 0
            quilos = (peso_gramas + 999) // 1000
            return base + (quilos - 1) * adicional
    return -1
