// Sums the gzip size of the JavaScript that index.html loads before any lazy chunk:
// its module scripts and their modulepreload links. Fails the build above the budget.
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import path from 'node:path';

const outDir = path.resolve(import.meta.dirname, '../../src/Compila.Web/wwwroot');
const budget = 200 * 1024;
const html = await readFile(path.join(outDir, 'index.html'), 'utf8');
const urls = new Set();
for (const match of html.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"/g)) urls.add(match[1]);
for (const match of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g)) urls.add(match[1]);

let raw = 0;
let gzip = 0;
const files = [];
for (const url of urls) {
  const bytes = await readFile(path.join(outDir, url.replace(/^\//, '')));
  const zipped = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gzip += zipped;
  files.push({ file: url, raw: bytes.length, gzip: zipped });
}
const kb = (n) => (n / 1024).toFixed(1);
for (const f of files) console.log(`  ${f.file}  ${kb(f.raw)} KB raw, ${kb(f.gzip)} KB gzip`);
console.log(`First-load JS: ${kb(gzip)} KB gzip (${kb(raw)} KB raw) in ${files.length} file(s); budget ${kb(budget)} KB gzip`);
if (gzip > budget) {
  console.error('First-load JS is over the 200 KB gzip budget.');
  process.exit(1);
}
