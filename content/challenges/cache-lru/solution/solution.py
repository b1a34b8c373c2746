from collections import OrderedDict


def simular_cache(capacidade: int, operacoes: list[str]) -> list[int]:
    cache: OrderedDict[str, int] = OrderedDict()
    r = []
    for op in operacoes:
        partes = op.split(":")
        if partes[0] == "get":
            if partes[1] in cache:
                cache.move_to_end(partes[1])
                r.append(cache[partes[1]])
            else:
                r.append(-1)
        elif capacidade >= 1:
            cache[partes[1]] = int(partes[2])
            cache.move_to_end(partes[1])
            if len(cache) > capacidade:
                cache.popitem(last=False)
    return r
