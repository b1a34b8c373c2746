

# ---- compila.dev harness: lê os argumentos de cada caso (nunca os valores esperados) ----
import sys as _cpl_sys, json as _cpl_json, io as _cpl_io, time as _cpl_time, contextlib as _cpl_ctx

_CPL_TYPES = __CPL_TYPES__
# __CPL_VALUES__
    for line in _cpl_sys.stdin.read().split("\n"):
        if not line.strip():
            continue
        raw = _cpl_json.loads(line)
        buf = _cpl_io.StringIO()
        rec = {}
        start = _cpl_time.perf_counter()
        try:
            args = [_cpl_conv(a, t) for a, t in zip(raw, _CPL_TYPES)]
            with _cpl_ctx.redirect_stdout(buf), _cpl_ctx.redirect_stderr(buf):
                value = __CPL_FUNCTION__(*args)
            rec["ms"] = (_cpl_time.perf_counter() - start) * 1000
            try:
                rec["value"] = _cpl_json.loads(_cpl_json.dumps(value, allow_nan=False))
                rec["ok"] = True
            except (TypeError, ValueError) as e:
                rec["ok"] = False
                rec["kind"] = "serialize"
                rec["error"] = "%s: %s" % (type(value).__name__, e)
        except BaseException as e:
            rec["ms"] = (_cpl_time.perf_counter() - start) * 1000
            rec["ok"] = False
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
