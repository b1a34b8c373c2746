class _Erro(Exception):
    pass


def avaliar(expressao: str) -> int | None:
    tokens = []
    i = 0
    while i < len(expressao):
        c = expressao[i]
        if c == " ":
            i += 1
        elif "0" <= c <= "9":
            j = i
            while j < len(expressao) and "0" <= expressao[j] <= "9":
                j += 1
            tokens.append(int(expressao[i:j]))
            i = j
        elif c in "+-*/()":
            tokens.append(c)
            i += 1
        else:
            return None
    pos = 0

    def olhar():
        return tokens[pos] if pos < len(tokens) else None

    def consumir():
        nonlocal pos
        pos += 1
        return tokens[pos - 1]

    def expr():
        v = termo()
        while olhar() in ("+", "-"):
            v = v + termo() if consumir() == "+" else v - termo()
        return v

    def termo():
        v = fator()
        while olhar() in ("*", "/"):
            op = consumir()
            d = fator()
            if op == "*":
                v *= d
            else:
                if d == 0:
                    raise _Erro()
                q = abs(v) // abs(d)
                v = q if (v >= 0) == (d >= 0) else -q
        return v

    def fator():
        t = olhar()
        if t == "-":
            consumir()
            return -fator()
        if t == "(":
            consumir()
            v = expr()
            if olhar() != ")":
                raise _Erro()
            consumir()
            return v
        if isinstance(t, int):
            return consumir()
        raise _Erro()

    try:
        v = expr()
    except _Erro:
        return None
    return v if pos == len(tokens) else None
