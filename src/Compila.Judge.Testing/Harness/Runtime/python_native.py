# compila.dev: roda os testes unittest do desafio, um registro por teste.
import sys, io, json, time, unittest, contextlib, traceback

MARK = "@@COMPILA@@"


def flatten(suite):
    for item in suite:
        if isinstance(item, unittest.TestSuite):
            yield from flatten(item)
        else:
            yield item


def main():
    real_out = sys.stdout
    suite = unittest.TestLoader().loadTestsFromName(sys.argv[1] if len(sys.argv) > 1 else "test_solution")
    for test in flatten(suite):
        result = unittest.TestResult()
        buf = io.StringIO()
        start = time.perf_counter()
        with contextlib.redirect_stdout(buf), contextlib.redirect_stderr(buf):
            test.run(result)
        ms = (time.perf_counter() - start) * 1000
        name = test.shortDescription() or test.id().split(".")[-1]
        rec = {"name": name, "ms": ms, "out": buf.getvalue()}
        if result.failures:
            rec["status"] = "fail"
            rec["error"] = result.failures[0][1].strip().splitlines()[-1]
        elif result.errors:
            rec["status"] = "error"
            rec["error"] = result.errors[0][1].strip().splitlines()[-1]
        elif result.skipped:
            rec["status"] = "error"
            rec["error"] = "teste pulado: " + str(result.skipped[0][1])
        else:
            rec["status"] = "pass"
        real_out.write("\n" + MARK + json.dumps(rec) + "\n")
        real_out.flush()


main()
