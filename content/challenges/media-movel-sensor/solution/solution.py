def media_movel(leituras: list[float], janela: int) -> list[float]:
    if janela < 1 or janela > len(leituras):
        return []
    soma = sum(leituras[:janela])
    r = [soma / janela]
    for i in range(janela, len(leituras)):
        soma += leituras[i] - leituras[i - janela]
        r.append(soma / janela)
    return r
