VALORES = [20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 25, 10, 5, 1]


def troco(centavos: int) -> dict[str, int]:
    r = {}
    for v in VALORES:
        if centavos >= v:
            r[str(v)], centavos = divmod(centavos, v)
    return r
