def parcelar(total_centavos: int, parcelas: int) -> list[int]:
    if parcelas < 1 or parcelas > 24 or total_centavos < 0:
        return []
    base, sobra = divmod(total_centavos, parcelas)
    return [base + (1 if i < sobra else 0) for i in range(parcelas)]
