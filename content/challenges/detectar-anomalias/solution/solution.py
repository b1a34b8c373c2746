import math


def indices_anomalos(valores: list[float], limite: float) -> list[int]:
    n = len(valores)
    if n < 2:
        return []
    media = sum(valores) / n
    desvio = math.sqrt(sum((x - media) ** 2 for x in valores) / n)
    if desvio == 0:
        return []
    return [i for i, x in enumerate(valores) if abs(x - media) / desvio > limite]
