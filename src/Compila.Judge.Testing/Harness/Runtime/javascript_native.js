// compila.dev: roda os testes node:test do desafio, um registro por teste. Também é o main.ts dos testes em
// TypeScript (o tsc aceita este arquivo como está; o caminho do teste compilado chega em argv[2]).
const { run } = require("node:test");
const path = require("node:path");
const MARK = "@@COMPILA@@";
const stream = run({ files: [path.resolve(process.argv[2] || "solution.test.js")], concurrency: 1 });
let pendingOut = "";
stream.on("test:stdout", (d) => { pendingOut += d.message; });
stream.on("test:stderr", (d) => { pendingOut += d.message; });
function emit(d, passed) {
  if (d.details && d.details.type === "suite") return;
  const err = passed ? null : d.details && d.details.error;
  const cause = err && err.cause ? err.cause : err;
  const rec = {
    name: d.name,
    status: passed ? "pass" : cause && cause.code === "ERR_ASSERTION" ? "fail" : "error",
    ms: (d.details && d.details.duration_ms) || 0,
    out: pendingOut,
    error: passed ? undefined : cause ? String(cause.message || cause) : "falhou",
  };
  pendingOut = "";
  process.stdout.write("\n" + MARK + JSON.stringify(rec) + "\n");
}
stream.on("test:pass", (d) => emit(d, true));
stream.on("test:fail", (d) => emit(d, false));
stream.on("data", () => {});
