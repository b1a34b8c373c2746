def calcular_imc(peso_kg: float, altura_m: float) -> float | None:
    if peso_kg <= 0 or altura_m <= 0:
        return None
    return peso_kg / (altura_m * altura_m)
