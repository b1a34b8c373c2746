// compila.dev: roda os testes node:test do desafio, um registro por teste.
const { run } = require("node:test");
const path = require("node:path");
const MARK = "@@COMPILA@@";
const stream = run({ files: [path.resolve(process.argv[2] || "solution.test.js")], concurrency: 1 });
let pendingOut = "";
stream.on("test:stdout", (d) => { pendingOut += d.message; });
stream.on("test:stderr", (d) => { pendingOut += d.message; });
function emit(d, status) {
  if (d.details && d.details.type === "suite") return;
  const rec = { name: d.name, status, ms: (d.details && d.details.duration_ms) || 0, out: pendingOut };
  pendingOut = "";
  if (status !== "pass") {
    const err = d.details && d.details.error;
    const cause = err && err.cause ? err.cause : err;
    rec.status = cause && cause.code === "ERR_ASSERTION" ? "fail" : "error";
    rec.error = cause ? String(cause.message || cause) : "falhou";
  }
  process.stdout.write("\n" + MARK + JSON.stringify(rec) + "\n");
}
stream.on("test:pass", (d) => emit(d, "pass"));
stream.on("test:fail", (d) => emit(d, "fail"));
stream.on("data", () => {});
