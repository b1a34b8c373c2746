_CPL_MARK = "@@COMPILA@@"


def _cpl_conv(v, t):
    if v is None:
        return None
    k = t[0]
    if k == "f" and isinstance(v, int) and not isinstance(v, bool):
        return float(v)
    if k == "L":
        return [_cpl_conv(x, t[1:]) for x in v]
    if k == "M":
        return {key: _cpl_conv(x, t[1:]) for key, x in v.items()}
    if k == "O":
        return _cpl_conv(v, t[1:])
    return v


def _cpl_main():
    real_out = _cpl_sys.stdout
