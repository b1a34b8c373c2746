const __cplProc = globalThis.process;
function __cplParse(text) {
  let i = 0;
  const ws = () => { while (i < text.length && " \t\r\n".includes(text[i])) i++; };
  const val = () => {
    ws();
    const c = text[i];
    if (c === "{") { i++; const o = {}; ws(); if (text[i] === "}") { i++; return o; }
      for (;;) { ws(); const k = val(); ws(); i++; o[k] = val(); ws(); if (text[i++] === "}") return o; } }
    if (c === "[") { i++; const a = []; ws(); if (text[i] === "]") { i++; return a; }
      for (;;) { a.push(val()); ws(); if (text[i++] === "]") return a; } }
    if (c === "\"") { let j = i + 1; while (text[j] !== "\"") { if (text[j] === "\\") j++; j++; }
      const s = JSON.parse(text.slice(i, j + 1)); i = j + 1; return s; }
    if (text.startsWith("true", i)) { i += 4; return true; }
    if (text.startsWith("false", i)) { i += 5; return false; }
    if (text.startsWith("null", i)) { i += 4; return null; }
    let j = i; while (j < text.length && "+-0123456789.eE".includes(text[j])) j++;
    const n = text.slice(i, j); i = j;
    if (/^-?\d+$/.test(n) && !Number.isSafeInteger(Number(n))) return BigInt(n);
    return Number(n);
  };
  return val();
}
function __cplWrite(v, seen) {
  if (v === null) return "null";
  if (v === undefined) throw new Error("a função retornou undefined");
  const t = typeof v;
  if (t === "bigint") return v.toString();
  if (t === "number") { if (!Number.isFinite(v)) throw new Error("número não finito: " + v); return Object.is(v, -0) ? "0" : String(v); }
  if (t === "string" || t === "boolean") return JSON.stringify(v);
  if (seen.includes(v)) throw new Error("referência circular");
  seen = seen.concat([v]);
  if (Array.isArray(v)) return "[" + v.map(x => __cplWrite(x, seen)).join(",") + "]";
  if (v instanceof Map) return "{" + Array.from(v.entries()).map(([k, x]) => JSON.stringify(String(k)) + ":" + __cplWrite(x, seen)).join(",") + "}";
  if (t === "object" && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null))
    return "{" + Object.keys(v).map(k => JSON.stringify(k) + ":" + __cplWrite(v[k], seen)).join(",") + "}";
  throw new Error("tipo não suportado: " + (v && v.constructor ? v.constructor.name : t));
}
function __cplJsonText(s) {
  return JSON.stringify(s).replace(/[\u007f-\uffff]/g, c => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));
}
