

// ---- compila.dev harness: (cenário) lê as chamadas de cada passo (nunca os valores esperados) ----
// __CPL_VALUES__
const __cplMethods: [string, boolean][] = __CPL_METHODS__;
async function __cplMain(input: string): Promise<void> {
  const out = __cplProc.stdout;
  const realWrite = out.write;
  const errOut = __cplProc.stderr;
  const realErrWrite = errOut.write;
  let inst: any = null;
  for (const line of input.split("\n")) {
    if (line.trim() === "") continue;
    const [c, s, m, raw] = __cplParse(line);
    const [name, isVoid] = __cplMethods[m];
    let captured = "";
    const capture = function (chunk: any, encoding?: any, cb?: any): boolean {
      captured += typeof chunk === "string" ? chunk : __cplBuffer.from(chunk).toString("utf8");
      if (typeof encoding === "function") encoding(); else if (typeof cb === "function") cb();
      return true;
    };
    const rec: any = {};
    const start = __cplProc.hrtime.bigint();
    out.write = capture; errOut.write = capture;
    try {
      if (s === 0) { inst = null; inst = __CPL_NEW__; }
      let value = inst[name](...raw);
      if (value !== null && typeof value === "object" && typeof value.then === "function") value = await value;
      rec.ms = Number(__cplProc.hrtime.bigint() - start) / 1e6;
      try { rec.value = isVoid ? "null" : __cplWrite(value, []); rec.ok = true; }
      catch (e: any) { rec.ok = false; rec.kind = "serialize"; rec.error = String(e && e.message ? e.message : e); }
    } catch (e: any) {
      rec.ms = Number(__cplProc.hrtime.bigint() - start) / 1e6;
      rec.ok = false;
      if (typeof __CPL_ERROR__ === "function" && e instanceof __CPL_ERROR__) { rec.kind = "refused"; rec.error = String(e.message); }
      else {
        rec.kind = "exception";
        rec.error = e instanceof Error ? e.name + ": " + e.message : "valor lançado: " + String(e);
      }
    } finally {
      out.write = realWrite; errOut.write = realErrWrite;
    }
    let text = "{\"c\":" + c + ",\"s\":" + s + ",\"ok\":" + rec.ok + ",\"ms\":" + rec.ms;
    if (rec.ok) text += ",\"value\":" + rec.value;
    else text += ",\"kind\":\"" + rec.kind + "\",\"error\":" + __cplJsonText(rec.error);
    if (rec.line) text += ",\"line\":" + rec.line;
    text += ",\"out\":" + __cplJsonText(captured) + "}";
    realWrite.call(out, "\n@@COMPILA@@" + text + "\n");
  }
}
{
  let __cplInput: string = "";
  __cplProc.stdin.setEncoding("utf8");
  __cplProc.stdin.on("data", (d: string) => { __cplInput += d; });
  __cplProc.stdin.on("end", () => { __cplMain(__cplInput); });
}
