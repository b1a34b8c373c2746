# compila.dev: roda os testes unittest do desafio, um registro por teste.
import sys, io, json, time, unittest, contextlib

MARK = "@@COMPILA@@"


def flatten(suite):
    for item in suite:
        if isinstance(item, unittest.TestSuite):
            yield from flatten(item)
        else:
            yield item


class Outcome(unittest.TestResult):
    """Keeps the exception itself: a traceback's last line cuts multi-line assertion messages."""

    def __init__(self):
        super().__init__()
        self.status, self.error = "pass", None

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self.status, self.error = "fail", str(err[1])

    def addError(self, test, err):
        super().addError(test, err)
        self.status, self.error = "error", f"{err[0].__name__}: {err[1]}"

    def addSubTest(self, test, subtest, err):
        super().addSubTest(test, subtest, err)
        if err is not None and self.status == "pass":
            failed = issubclass(err[0], test.failureException)
            self.status = "fail" if failed else "error"
            self.error = f"{subtest._subDescription().strip()}: " + (str(err[1]) if failed else f"{err[0].__name__}: {err[1]}")


def main():
    real_out = sys.stdout
    suite = unittest.TestLoader().loadTestsFromName(sys.argv[1] if len(sys.argv) > 1 else "test_solution")
    for test in flatten(suite):
        result = Outcome()
        buf = io.StringIO()
        start = time.perf_counter()
        with contextlib.redirect_stdout(buf), contextlib.redirect_stderr(buf):
            test.run(result)
        ms = (time.perf_counter() - start) * 1000
        name = test.shortDescription() or test.id().split(".")[-1]
        rec = {"name": name, "ms": ms, "out": buf.getvalue()}
        if result.skipped and result.status == "pass":
            continue  # a skipped test was not run: left out, as in every other language
        rec["status"] = result.status
        if result.error is not None:
            rec["error"] = result.error
        real_out.write("\n" + MARK + json.dumps(rec) + "\n")
        real_out.flush()


main()
