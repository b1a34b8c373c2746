// A V8 startup snapshot of the TypeScript compiler with its standard library (es2022) and @types/node already
// parsed and bound: a sandboxed compile then parses, binds and checks only the learner's files (~60 ms instead of
// ~1.5 s for a cold tsc). Built on the host by scripts/setup-runtimes.sh, with the Node.js that runs it:
//   COMPILA_TS_MODULES=tools/judge/node_modules node --snapshot-blob <blob> --build-snapshot tools/judge/tsc-snapshot.js
// Used inside the sandbox, where node_modules is bound read-only at /opt/judge/node_modules:
//   node --snapshot-blob <blob> <outDir> <absolute .ts files...>      (exit 0 compiled, 2 errors)
//   node --snapshot-blob <blob> version                               (prints the TypeScript version)
"use strict";
const fs = require("fs");
const path = require("path");
const v8 = require("v8");
const vm = require("vm");

const modules = path.resolve(process.env.COMPILA_TS_MODULES || path.join(__dirname, "node_modules"));
const inBox = "/opt/judge/node_modules";
const tsFile = path.join(modules, "typescript/lib/typescript.js");
const tsModule = { exports: {} };
// Evaluated under its sandbox path, so the compiler finds its lib files where the sandbox will see them.
vm.runInThisContext("(function (module, exports, require, __filename, __dirname) {" + fs.readFileSync(tsFile, "utf8") + "\n})")(
  tsModule, tsModule.exports, require, inBox + "/typescript/lib/typescript.js", inBox + "/typescript/lib");
const ts = tsModule.exports;

function options(outDir, rootDir) {
  return {
    outDir, rootDir, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, esModuleInterop: true,
    lib: ["lib.es2022.d.ts"], types: ["node"], typeRoots: [inBox + "/@types"], skipLibCheck: true, noEmitOnError: true,
    newLine: ts.NewLineKind.LineFeed,
  };
}

// Library and type files, parsed and bound once, shared by every program.
const cache = new Map();
function host(opts) {
  const base = ts.createCompilerHost(opts);
  const getSourceFile = base.getSourceFile;
  base.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const shared = fileName.startsWith(inBox + "/");
    if (shared && cache.has(fileName)) return cache.get(fileName);
    const file = getSourceFile.call(base, fileName, languageVersion, onError, shouldCreate);
    if (shared && file) cache.set(fileName, file);
    return file;
  };
  return base;
}

function compile(outDir, files, rootDir) {
  const opts = options(outDir, rootDir);
  const program = ts.createProgram(files, opts, host(opts));
  const emit = program.emit();
  const diagnostics = ts.sortAndDeduplicateDiagnostics(ts.getPreEmitDiagnostics(program).concat(emit.diagnostics));
  const format = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => rootDir, getNewLine: () => "\n" };
  if (diagnostics.length) process.stdout.write(ts.formatDiagnostics(diagnostics, format));
  return diagnostics.some((d) => d.category === ts.DiagnosticCategory.Error) ? 2 : 0;
}

// Warm-up compile on the host, reading the sandbox paths from the real node_modules.
const sys = ts.sys;
const real = { readFile: sys.readFile, fileExists: sys.fileExists, directoryExists: sys.directoryExists, getDirectories: sys.getDirectories, realpath: sys.realpath };
const toHost = (p) => (p.startsWith(inBox) ? modules + p.slice(inBox.length) : p);
const toBox = (p) => (p.startsWith(modules) ? inBox + p.slice(modules.length) : p);
sys.readFile = (p, e) => real.readFile(toHost(p), e);
sys.fileExists = (p) => real.fileExists(toHost(p));
sys.directoryExists = (p) => real.directoryExists(toHost(p));
sys.getDirectories = (p) => real.getDirectories(toHost(p));
sys.realpath = (p) => toBox(real.realpath ? real.realpath(toHost(p)) : toHost(p));
const warm = fs.mkdtempSync(path.join(require("os").tmpdir(), "tsc-warm-"));
fs.writeFileSync(path.join(warm, "warm.ts"), "import * as fs from 'fs';\nimport * as readline from 'readline';\nconsole.log(fs.existsSync('x'), readline);\n");
if (compile(path.join(warm, "out"), [path.join(warm, "warm.ts")], warm) !== 0) throw new Error("warm-up compile failed");
fs.rmSync(warm, { recursive: true, force: true });
Object.assign(sys, real);

v8.startupSnapshot.setDeserializeMainFunction(() => {
  // No script path when started from a snapshot: arguments start at argv[1].
  const [outDir, ...files] = process.argv.slice(1);
  if (outDir === "version") {
    console.log(ts.version);
    return;
  }

  process.exitCode = compile(outDir, files, "/box");
});
