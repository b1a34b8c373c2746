def mesclar_horarios(horarios: list[list[int]]) -> list[list[int]]:
    r: list[list[int]] = []
    for inicio, fim in sorted(horarios):
        if r and inicio <= r[-1][1]:
            r[-1][1] = max(r[-1][1], fim)
        else:
            r.append([inicio, fim])
    return r
