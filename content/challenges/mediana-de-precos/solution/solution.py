def mediana(precos: list[float]) -> float | None:
    if not precos:
        return None
    v = sorted(precos)
    meio = len(v) // 2
    return v[meio] if len(v) % 2 else (v[meio - 1] + v[meio]) / 2
