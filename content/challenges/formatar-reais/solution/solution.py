def formatar_reais(centavos: int) -> str:
    sinal = "-" if centavos < 0 else ""
    v = abs(centavos)
    reais = f"{v // 100:,}".replace(",", ".")
    return f"{sinal}R$ {reais},{v % 100:02d}"
