

# ---- compila.dev harness (cenário): lê as chamadas de cada passo (nunca os valores esperados) ----
import sys as _cpl_sys, json as _cpl_json, io as _cpl_io, time as _cpl_time, contextlib as _cpl_ctx

_CPL_METHODS = __CPL_METHODS__
# __CPL_VALUES__
    inst = None
    for line in _cpl_sys.stdin.read().split("\n"):
        if not line.strip():
            continue
        c, s, m, raw = _cpl_json.loads(line)
        name, types, void = _CPL_METHODS[m]
        buf = _cpl_io.StringIO()
        rec = {"c": c, "s": s}
        start = _cpl_time.perf_counter()
        try:
            args = [_cpl_conv(a, t) for a, t in zip(raw, types)]
            with _cpl_ctx.redirect_stdout(buf), _cpl_ctx.redirect_stderr(buf):
                if s == 0:
                    inst = None
                    inst = __CPL_NEW__
                value = getattr(inst, name)(*args)
            rec["ms"] = (_cpl_time.perf_counter() - start) * 1000
            try:
                rec["value"] = None if void else _cpl_json.loads(_cpl_json.dumps(value, allow_nan=False))
                rec["ok"] = True
            except (TypeError, ValueError) as e:
                rec["ok"] = False
                rec["kind"] = "serialize"
                rec["error"] = "%s: %s" % (type(value).__name__, e)
        except BaseException as e:
            rec["ms"] = (_cpl_time.perf_counter() - start) * 1000
            rec["ok"] = False
            error_class = globals().get("__CPL_ERROR__")
            if isinstance(error_class, type) and isinstance(e, error_class):
                rec["kind"] = "refused"
                rec["error"] = str(e)
            else:
                rec["kind"] = "exception"
                rec["error"] = "%s: %s" % (type(e).__name__, e)
                tb = e.__traceback__
                while tb is not None and tb.tb_next is not None:
                    tb = tb.tb_next
                if tb is not None:
                    rec["line"] = tb.tb_lineno
        rec["out"] = buf.getvalue()
        real_out.write("\n" + _CPL_MARK + _cpl_json.dumps(rec) + "\n")
        real_out.flush()


_cpl_main()
